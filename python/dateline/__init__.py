"""dateline: news pages to a structured record of who did what to whom.

The C++ engine's pipeline and readers (pybind11 module ``_dateline``):

    import dateline
    pipeline = dateline.Pipeline()              # or Pipeline(stages="clean")
    for page in dateline.read("pages/"):        # files, directories, tar, WARC, JSONL, .gz
        record = pipeline.process_page(page)    # the record of `dateline extract`, as a dict
    record = pipeline.process(b"<html>...</html>", url="https://example.com/a")

The GIL is released while the C++ code runs.
"""
from ._dateline import Page, Pipeline, Reader, read, stages

__all__ = ["Page", "Pipeline", "Reader", "read", "stages"]
