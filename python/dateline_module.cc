// The Python module `dateline` (pybind11): the pipeline and the readers of
// the C++ engine, for Python programs and for distributed runs (Dask workers
// call Pipeline.process on the pages of their task). The records are those
// of `dateline extract` (CONTRACT.md), as dicts. The GIL is released while
// the C++ code runs, so threads of one process process pages in parallel.
//
//   import dateline
//   p = dateline.Pipeline()                      # every stage; stages="clean"
//   for page in dateline.read("pages/"):         # any input the CLI reads
//       record = p.process_page(page)
//   record = p.process(b"<html>...</html>", url="https://...")
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

#include "dateline/archive.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "store/ingest.h"

namespace py = pybind11;

namespace dateline {
namespace {

// Turns a JSON line into Python objects with the standard json module (the
// record's shape is the CLI's, whatever fields it gains).
py::object Loads(const std::string& line) {
  static py::object loads = py::module_::import("json").attr("loads");
  return loads(py::str(line));
}

[[noreturn]] void Raise(const Status& s) {
  if (s.IsInvalidArgument() || s.IsNotSupported()) {
    throw py::value_error(s.ToString());
  }
  if (s.IsNotFound()) throw py::key_error(s.ToString());
  throw std::runtime_error(s.ToString());
}

class PyPipeline {
 public:
  PyPipeline(const std::string& stages, const std::string& data_dir,
             bool provenance) {
    PipelineOptions o;
    o.stages = stages;
    o.data_dir = data_dir;
    json_.provenance = provenance;
    Status s;
    {
      py::gil_scoped_release release;
      s = Pipeline::Create(o, &pipeline_);
    }
    if (!s.ok()) Raise(s);
  }

  // One page's bytes (HTML, scraped text, ...; detected as the CLI does).
  py::object Process(const py::bytes& content, const std::string& url,
                     const std::string& source) const {
    std::string bytes = content;
    std::vector<Page> pages;
    std::string line;
    {
      py::gil_scoped_release release;
      ReadBlob(source.empty() ? "page" : source, std::move(bytes), ReadOptions(), &pages);
      if (!pages.empty()) {
        Page& page = pages.front();
        if (!url.empty()) page.url = url;
        if (!source.empty()) page.source = source;
        line = ToJsonLine(pipeline_->Process(page), json_);
      }
    }
    if (pages.empty()) throw py::value_error("no page in the bytes given");
    return Loads(line);
  }

  // Processes `pages` and stores them in the archive at `path` in one write
  // group (the writer of a distributed ingest: each worker stores its own
  // batch; writers wait for each other's lock). Returns the counts and the
  // errors.
  py::dict Ingest(const std::vector<Page>& pages, const std::string& path,
                  double lock_wait_seconds) const {
    IngestProgress progress;
    std::vector<std::pair<std::string, std::string>> errors;
    Status s;
    {
      py::gil_scoped_release release;
      std::unique_ptr<Archive> archive;
      s = OpenForIngest(path, ArchiveOptions(), lock_wait_seconds, &archive);
      if (s.ok()) {
        s = IngestBatch(*pipeline_, archive.get(), pages, lock_wait_seconds, &progress,
                        [&](const std::string& src, const std::string& err) {
                          errors.emplace_back(src, err);
                        });
      }
    }
    if (!s.ok()) Raise(s);
    py::dict d;
    d["pages"] = progress.pages;
    d["added"] = progress.added;
    d["replaced"] = progress.replaced;
    d["unchanged"] = progress.unchanged;
    d["errors"] = progress.errors;
    d["error_list"] = errors;
    d["seconds"] = progress.seconds;
    return d;
  }

  // The record of a page as one JSON line (byte for byte `extract`'s).
  std::string RecordLine(const Page& page) const {
    py::gil_scoped_release release;
    return ToJsonLine(pipeline_->Process(page), json_);
  }

  // A page as read() yields it.
  py::object ProcessPage(const Page& page) const {
    std::string line;
    {
      py::gil_scoped_release release;
      line = ToJsonLine(pipeline_->Process(page), json_);
    }
    return Loads(line);
  }

 private:
  std::unique_ptr<Pipeline> pipeline_;
  JsonOptions json_;
};

// Yields the pages of `inputs` (files, directories, archives) as dicts.
class PyReader {
 public:
  PyReader(std::vector<std::string> inputs, size_t max_page_mb) {
    ReadOptions o;
    o.max_page_bytes = max_page_mb << 20;
    reader_ = InputReader::Open(std::move(inputs), o);
  }
  PyReader& Iter() { return *this; }
  Page Next() {
    Page page;
    bool more;
    {
      py::gil_scoped_release release;
      more = reader_->Next(&page);
    }
    if (!more) throw py::stop_iteration();
    return page;
  }

 private:
  std::unique_ptr<InputReader> reader_;
};

}  // namespace
}  // namespace dateline

PYBIND11_MODULE(_dateline, m) {
  using dateline::PyPipeline;
  using dateline::PyReader;
  m.doc() = "dateline: news pages to a structured record (the C++ engine's pipeline and readers)";
  py::class_<PyPipeline>(m, "Pipeline")
      .def(py::init<const std::string&, const std::string&, bool>(),
           py::arg("stages") = "", py::arg("data_dir") = "",
           py::arg("provenance") = false,
           "Loads the stages up to `stages` (all when empty) with the models and "
           "tables of `data_dir` (the build's data/ when empty).")
      .def("process", &PyPipeline::Process, py::arg("content"),
           py::arg("url") = "", py::arg("source") = "",
           "Runs the pipeline over one page's bytes and returns its record (a dict, "
           "as a line of `dateline extract`).")
      .def("process_page", &PyPipeline::ProcessPage, py::arg("page"),
           "Runs the pipeline over a page as read() yields it.")
      .def("record_line", &PyPipeline::RecordLine, py::arg("page"),
           "The record of a page as one line of JSON, as `dateline extract` writes it.")
      .def("ingest", &PyPipeline::Ingest, py::arg("pages"), py::arg("archive"),
           py::arg("lock_wait_seconds") = 600.0,
           "Processes the pages and stores them in the archive in one write group "
           "(skipping pages whose content is archived); returns the counts.");
  py::class_<dateline::Page>(m, "Page", "One page of an input, as read() yields it.")
      .def(py::init<>())
      .def_readwrite("source", &dateline::Page::source)
      .def_readwrite("url", &dateline::Page::url)
      .def_readwrite("id", &dateline::Page::id)
      .def_readwrite("charset", &dateline::Page::charset)
      .def_property(
          "content",
          [](const dateline::Page& p) { return py::bytes(p.content); },
          [](dateline::Page& p, const py::bytes& b) { p.content = b; })
      .def_property_readonly(
          "format", [](const dateline::Page& p) { return dateline::PageFormatName(p.format); })
      .def_property_readonly("error",
                             [](const dateline::Page& p) -> py::object {
                               if (p.status.ok()) return py::none();
                               return py::str(p.status.ToString());
                             })
      .def(py::pickle(
          [](const dateline::Page& p) {  // a page travels to a worker
            int code = p.status.ok() ? 0 : p.status.IsNotFound() ? 1
                                         : p.status.IsCorruption() ? 2
                                         : p.status.IsInvalidArgument() ? 3
                                         : p.status.IsNotSupported() ? 5 : 4;
            const dateline::PageMetadata& m = p.metadata;
            py::tuple meta = py::make_tuple(m.title, m.authors, m.published, m.language,
                                            m.outlet, m.tags, m.description, m.origin,
                                            m.outlet_origin, m.fetched, m.fetched_origin);
            return py::make_tuple(p.source, p.url, p.id, static_cast<int>(p.format),
                                  py::bytes(p.content), p.charset, code,
                                  p.status.message(), meta);
          },
          [](const py::tuple& t) {
            if (t.size() != 9) throw std::runtime_error("bad pickled dateline.Page");
            dateline::Page p;
            p.source = t[0].cast<std::string>();
            p.url = t[1].cast<std::string>();
            p.id = t[2].cast<std::string>();
            p.format = static_cast<dateline::PageFormat>(t[3].cast<int>());
            p.content = t[4].cast<std::string>();
            p.charset = t[5].cast<std::string>();
            const std::string msg = t[7].cast<std::string>();
            switch (t[6].cast<int>()) {
              case 0: break;
              case 1: p.status = dateline::Status::NotFound(msg); break;
              case 2: p.status = dateline::Status::Corruption(msg); break;
              case 3: p.status = dateline::Status::InvalidArgument(msg); break;
              case 5: p.status = dateline::Status::NotSupported(msg); break;
              default: p.status = dateline::Status::IOError(msg); break;
            }
            // What the input said about the page (metadata_source follows it).
            py::tuple m = t[8].cast<py::tuple>();
            dateline::PageMetadata& md = p.metadata;
            md.title = m[0].cast<std::string>();
            md.authors = m[1].cast<std::vector<std::string>>();
            md.published = m[2].cast<std::string>();
            md.language = m[3].cast<std::string>();
            md.outlet = m[4].cast<std::string>();
            md.tags = m[5].cast<std::vector<std::string>>();
            md.description = m[6].cast<std::string>();
            md.origin = m[7].cast<std::string>();
            md.outlet_origin = m[8].cast<std::string>();
            md.fetched = m[9].cast<std::string>();
            md.fetched_origin = m[10].cast<std::string>();
            return p;
          }))
      .def("__repr__", [](const dateline::Page& p) {
        return "<dateline.Page " + p.source + " " + std::to_string(p.content.size()) + " bytes>";
      });
  py::class_<PyReader>(m, "Reader")
      .def("__iter__", &PyReader::Iter, py::return_value_policy::reference_internal)
      .def("__next__", &PyReader::Next);
  m.def(
      "read",
      [](py::object inputs, size_t max_page_mb) {
        std::vector<std::string> v;
        if (py::isinstance<py::str>(inputs)) {
          v.push_back(inputs.cast<std::string>());
        } else {
          v = inputs.cast<std::vector<std::string>>();
        }
        return PyReader(std::move(v), max_page_mb);
      },
      py::arg("inputs"), py::arg("max_page_mb") = 64,
      "Reads the pages of a path or a list of paths (files, directories, tar, "
      "WARC, JSON Lines, gzip): an iterator of Page (source, url, id, content "
      "bytes, charset, format, error: None when read).");
  m.def("stages", [] { return dateline::Pipeline::StageNames(); },
        "The names of the pipeline's stages, in order.");
}
