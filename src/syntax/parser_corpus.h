// Treebank sentences as the parser sees them at run time: gold words, the
// project's own predicted Penn tags (data/models/pos.model), gold heads and
// relations. Shared by the parser's trainer and its evaluator, so both read
// the data the same way.
#ifndef DATELINE_SYNTAX_PARSER_CORPUS_H_
#define DATELINE_SYNTAX_PARSER_CORPUS_H_

#include <string>
#include <vector>

#include "dateline/status.h"
#include "entities/tagger_model.h"
#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"

namespace dateline {

// Reads a CoNLL-U file and tags its words with `pos` (sentence by sentence,
// in order). `gold_tag_accuracy` (may be null) gets the share of words whose
// predicted tag equals the treebank's XPOS, in percent.
// With `gold_tags` the examples carry the treebank's own tags instead (an
// upper bound of what better tagging would give).
Status LoadParserExamples(const std::string& path, const SequenceTagger& pos,
                          std::vector<ParserExample>* examples,
                          double* gold_tag_accuracy = nullptr,
                          bool gold_tags = false);

// Reads automatically parsed sentences (build/parse_news) as parser
// examples: the XPOS column already holds the pipeline's own tags, taken as
// they are. At most `max_sentences` (0: all), from the start of the file.
Status LoadAutoParsedExamples(const std::string& path, size_t max_sentences,
                              std::vector<ParserExample>* examples);

// Returns a treebank XPOS tag in the conventions of the CoNLL-2003 tags the
// project's tagger was first trained on: brackets "(" ")", every quotation
// mark '"', and the treebank's extra tags as the nearest Penn tag (HYPH and
// NFP ":", ADD "NNP", AFX "JJ", GW and XX "FW").
std::string ConllStyleTag(const std::string& xpos);

// The treebank's sentences as tagger training data (ConllStyleTag tags),
// in documents of 100 consecutive sentences.
Status ReadUdTaggedDocuments(const std::string& path,
                             std::vector<TaggedDocument>* docs);

// Parses every example and counts attachment scores against its gold tree;
// with `repair_tags`, after the tag stage's repair (tag_repair.h).
void ScoreParser(const DependencyParser& parser,
                 const std::vector<ParserExample>& examples,
                 AttachmentCounter* counter, bool repair_tags = false);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_PARSER_CORPUS_H_
