// The participle-as-finite-verb repair (syntax/tag_repair.h): made in a
// sentence with no finite verb when the participle follows a noun and
// precedes an object, and nowhere else.
#include "syntax/tag_repair.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace dateline {
namespace {

using Tags = std::vector<std::string_view>;

TEST(TagRepairTest, ParticipleBeforeAnObjectIsTheVerb) {
  // Police arrested 40 people .
  Tags police = {"NNS", "VBN", "CD", "NNS", "."};
  EXPECT_EQ(ParticipleAsFiniteVerb(police), 1);
  EXPECT_TRUE(RepairFiniteVerb(&police));
  EXPECT_EQ(police[1], "VBD");
  // British police detained the men .
  EXPECT_EQ(ParticipleAsFiniteVerb({"JJ", "NNS", "VBN", "DT", "NNS", "."}), 2);
}

TEST(TagRepairTest, NoRepairWhereTheParticipleIsOne) {
  // Three people killed in blast (no object: a passive headline).
  EXPECT_EQ(ParticipleAsFiniteVerb({"CD", "NNS", "VBN", "IN", "NN"}), -1);
  // Police have arrested 40 people (a finite verb).
  EXPECT_EQ(ParticipleAsFiniteVerb({"NNS", "VBP", "VBN", "CD", "NNS", "."}),
            -1);
  // The men arrested by police were freed (a finite verb).
  EXPECT_EQ(
      ParticipleAsFiniteVerb({"DT", "NNS", "VBN", "IN", "NNS", "VBD", "VBN"}),
      -1);
  // Arrested men (no noun before it).
  Tags arrested = {"VBN", "NNS"};
  EXPECT_FALSE(RepairFiniteVerb(&arrested));
  EXPECT_EQ(arrested[0], "VBN");
  EXPECT_EQ(ParticipleAsFiniteVerb({}), -1);
}

}  // namespace
}  // namespace dateline
