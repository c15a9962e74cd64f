#include "entities/entity_resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace dateline {
namespace {

// A small gazetteer written for the test, in the format of
// data/gazetteers/countries.tsv.
std::string WriteGazetteer() {
  // One directory per process: ctest runs each test as a process of its own,
  // two at once under -j2, and they used to rewrite one shared directory.
  std::string dir = testing::TempDir() + "/resolver_gazetteer_" +
                    std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::ofstream out(dir + "/countries.tsv");
  out << "# name\tiso3\tcameo\taliases\tdemonyms\tcapital\tgovernments\n"
      << "Japan\tJPN\tJPN\tNippon\tJapanese\tTokyo\tTokyo\n"
      << "North Korea\tPRK\tPRK\tDPRK\tNorth Korean|North Koreans\tPyongyang\t"
         "Pyongyang\n"
      << "Russia\tRUS\tRUS\tRussian Federation\tRussian|Russians\tMoscow\t"
         "Moscow|Kremlin|the Kremlin\n"
      << "South Korea\tKOR\tKOR\tROK\tSouth Korean\tSeoul\tSeoul\n"
      << "United States\tUSA\tUSA\tU.S.|US|America\tAmerican\t"
         "Washington, D.C.\tWashington|White House\n";
  return dir;
}

// Fictional-free fixture: sentences in the shape of the seed story.
const char kText[] =
    "SEOUL/MOSCOW – Russian President Vladimir Putin accepted Kim Jong Un’s "
    "invitation to visit North Korea.\n\n"
    "The 70-year-old Putin showed Kim, 39, around the site.\n\n"
    "Kremlin spokesman Dmitry Peskov said that Foreign Minister Sergei Lavrov "
    "would travel to Pyongyang in October.\n\n"
    "Washington has accused North Korea of providing arms to Russia.\n\n"
    "U.S. national security adviser Jake Sullivan and counterparts Takeo "
    "Akiba of Japan and Cho Tae-yong of South Korea noted the talks.\n\n"
    "Putin visited Pyongyang in July 2000 for a meeting with Kim Jong Il, "
    "the father of Kim Jong Un.\n\n"
    "South Korea’s National Security Council (NSC) said the NSC would "
    "respond.\n\n"
    "“The United States has no right to lecture us,” Russia’s ambassador to "
    "the United States, Anatoly Antonov, said.";

class EntityResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(EntityResolver::Create(WriteGazetteer(), &resolver_).ok());
    text_ = kText;
    // Every occurrence of each name, as a tagger would mark them.
    const std::pair<const char*, const char*> names[] = {
        {"Vladimir Putin", "PER"},   {"Putin", "PER"},
        {"Kim Jong Un", "PER"},      {"Kim Jong Il", "PER"},
        {"Kim", "PER"},              {"Dmitry Peskov", "PER"},
        {"Sergei Lavrov", "PER"},    {"Jake Sullivan", "PER"},
        {"Takeo Akiba", "PER"},      {"Cho Tae-yong", "PER"},
        {"Anatoly Antonov", "PER"},  {"North Korea", "LOC"},
        {"Russia", "LOC"},           {"Pyongyang", "LOC"},
        {"Washington", "LOC"},       {"Kremlin", "ORG"},
        {"National Security Council", "ORG"}, {"NSC", "ORG"},
        {"South Korea", "LOC"},      {"Japan", "LOC"},
        {"United States", "LOC"}};
    std::vector<bool> taken(text_.size(), false);
    for (const auto& [name, type] : names) {
      size_t pos = 0;
      std::string n = name;
      while ((pos = text_.find(n, pos)) != std::string::npos) {
        size_t end = pos + n.size();
        bool free = true;
        for (size_t i = pos; i < end; ++i) free &= !taken[i];
        // Whole words only.
        bool word_end = end == text_.size() || !std::isalpha(
                                                   static_cast<unsigned char>(text_[end]));
        if (free && word_end) {
          for (size_t i = pos; i < end; ++i) taken[i] = true;
          mentions_.push_back({{static_cast<uint32_t>(pos),
                                static_cast<uint32_t>(end)},
                               type});
        }
        pos = end;
      }
    }
    resolver_->Resolve(text_, {}, mentions_, {"Kim Jong-Un", "guns"},
                       &entities_);
  }

  const Entity* Find(const std::string& name) const {
    for (const Entity& e : entities_) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

  std::unique_ptr<EntityResolver> resolver_;
  std::string text_;
  std::vector<NamedMention> mentions_;
  std::vector<Entity> entities_;
};

TEST_F(EntityResolverTest, OneEntityPerPersonWithAllMentions) {
  const Entity* putin = Find("Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->mentions.size(), 3u);
  const Entity* kim = Find("Kim Jong Un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->mentions.size(), 3u);  // Kim Jong Un's, Kim, Kim Jong Un
  const Entity* father = Find("Kim Jong Il");
  ASSERT_NE(father, nullptr);
  EXPECT_EQ(father->mentions.size(), 1u);
  int putins = 0;
  for (const Entity& e : entities_) putins += e.name.find("Putin") != std::string::npos;
  EXPECT_EQ(putins, 1);
}

TEST_F(EntityResolverTest, TagsAddAliases) {
  const Entity* kim = Find("Kim Jong Un");
  ASSERT_NE(kim, nullptr);
  EXPECT_NE(std::find(kim->aliases.begin(), kim->aliases.end(), "Kim Jong-Un"),
            kim->aliases.end());
  EXPECT_NE(std::find(kim->aliases.begin(), kim->aliases.end(), "Kim"),
            kim->aliases.end());
}

TEST_F(EntityResolverTest, RolesCountriesAndAges) {
  const Entity* putin = Find("Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->roles, std::vector<std::string>{"President"});
  EXPECT_EQ(putin->country, "RUS");
  EXPECT_EQ(putin->age, 70);
  const Entity* kim = Find("Kim Jong Un");
  EXPECT_EQ(kim->age, 39);
  const Entity* peskov = Find("Dmitry Peskov");
  ASSERT_NE(peskov, nullptr);
  EXPECT_EQ(peskov->roles, std::vector<std::string>{"Kremlin spokesman"});
  EXPECT_EQ(peskov->country, "RUS");
  EXPECT_EQ(Find("Sergei Lavrov")->roles,
            std::vector<std::string>{"Foreign Minister"});
  const Entity* sullivan = Find("Jake Sullivan");
  EXPECT_EQ(sullivan->roles,
            std::vector<std::string>{"national security adviser"});
  EXPECT_EQ(sullivan->country, "USA");
  EXPECT_EQ(Find("Takeo Akiba")->country, "JPN");
  EXPECT_EQ(Find("Cho Tae-yong")->country, "KOR");
  const Entity* antonov = Find("Anatoly Antonov");
  ASSERT_NE(antonov, nullptr);
  EXPECT_EQ(antonov->roles,
            std::vector<std::string>{"ambassador to the United States"});
  EXPECT_EQ(antonov->country, "RUS");
}

TEST_F(EntityResolverTest, AcronymJoinsItsOrganisation) {
  const Entity* nsc = Find("National Security Council");
  ASSERT_NE(nsc, nullptr);
  EXPECT_EQ(nsc->mentions.size(), 3u);
  EXPECT_EQ(Find("NSC"), nullptr);
}

TEST_F(EntityResolverTest, GovernmentMetonymsOnlyWhenTheyAct) {
  const Entity* washington = Find("Washington");
  ASSERT_NE(washington, nullptr);
  EXPECT_EQ(washington->government, "USA");
  EXPECT_EQ(washington->government_mentions.size(), 1u);
  const Entity* pyongyang = Find("Pyongyang");
  ASSERT_NE(pyongyang, nullptr);
  // "travel to Pyongyang", "visited Pyongyang": the place, not the
  // government.
  EXPECT_TRUE(pyongyang->government_mentions.empty());
  EXPECT_TRUE(pyongyang->government.empty());
  EXPECT_EQ(Find("Kremlin")->government, "RUS");
}

// A dateline ("WASHINGTON, March 3 -", "MOSCOW (Reuters) -") says where a
// story was filed, not that a government acted; the same capital acting
// later in the text still is one, in capitals too ("A TOKYO court"). (70% of the government mentions in
// Reuters-21578 were datelines.)
TEST(EntityResolverDatelineTest, DatelineIsNotTheGovernment) {
  std::unique_ptr<EntityResolver> resolver;
  ASSERT_TRUE(EntityResolver::Create(WriteGazetteer(), &resolver).ok());
  const std::string text =
      "WASHINGTON, March 3 - Washington accused Tokyo of dumping.\n\n"
      "MOSCOW (Reuters) \xe2\x80\x93 Officials in Moscow said nothing.\n\n"
      "TOKYO - A TOKYO court met.";
  std::vector<NamedMention> mentions;
  for (const char* name : {"WASHINGTON", "Washington", "Tokyo", "MOSCOW",
                           "Moscow", "TOKYO"}) {
    for (size_t pos = 0; (pos = text.find(name, pos)) != std::string::npos;
         pos += std::strlen(name)) {
      // Whole words, case-sensitively (TOKYO is not Tokyo's mention here).
      mentions.push_back({{static_cast<uint32_t>(pos),
                           static_cast<uint32_t>(pos + std::strlen(name))},
                          "LOC"});
    }
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const NamedMention& a, const NamedMention& b) {
              return a.span.begin < b.span.begin;
            });
  // The dateline spans, as the pipeline finds them with the clean stage's
  // ParseDateline: each paragraph's prefix up to and with its dash.
  std::vector<Span> datelines;
  for (const char* prefix : {"WASHINGTON, March 3 - ",
                             "MOSCOW (Reuters) \xe2\x80\x93 ", "TOKYO - "}) {
    const size_t at = text.find(prefix);
    datelines.push_back({static_cast<uint32_t>(at),
                         static_cast<uint32_t>(at + std::strlen(prefix))});
  }
  std::vector<Entity> entities;
  resolver->Resolve(text, {}, mentions, {}, &entities, "", datelines);
  auto government_at = [&](const std::string& country) {
    std::vector<uint32_t> at;
    for (const Entity& e : entities)
      if (e.government == country)
        for (const Span& g : e.government_mentions) at.push_back(g.begin);
    std::sort(at.begin(), at.end());
    return at;
  };
  // "WASHINGTON, March 3 -" is not; "Washington accused" is.
  EXPECT_EQ(government_at("USA"),
            std::vector<uint32_t>{static_cast<uint32_t>(text.find("Washington"))});
  // "MOSCOW (Reuters) –" is not; "in Moscow" is a place.
  EXPECT_TRUE(government_at("RUS").empty());
  // "TOKYO -" at a line start is not; "A TOKYO court" (mid-line, after a
  // lower-case word) and "accused Tokyo" are.
  const std::vector<uint32_t> jpn = government_at("JPN");
  EXPECT_EQ(std::count(jpn.begin(), jpn.end(), text.rfind("TOKYO -")), 0);
  EXPECT_EQ(std::count(jpn.begin(), jpn.end(), text.rfind("TOKYO court")), 1);
}

TEST_F(EntityResolverTest, MentionSpansPointAtTheirText) {
  for (const Entity& e : entities_) {
    for (const Span& s : e.mentions) {
      std::string m = text_.substr(s.begin, s.end - s.begin);
      EXPECT_TRUE(m == e.name || std::find(e.aliases.begin(), e.aliases.end(),
                                           m) != e.aliases.end() ||
                  NameKey(m) == NameKey(e.name))
          << m << " in " << e.name;
    }
  }
}

// Resolves `text` with every occurrence of each (name, type) marked, as a
// tagger would (longer names first, whole words).
std::vector<Entity> ResolveAll(
    const EntityResolver& r, const std::string& text,
    const std::vector<std::pair<std::string, std::string>>& names) {
  std::vector<NamedMention> mentions;
  std::vector<bool> taken(text.size(), false);
  for (const auto& [name, type] : names) {
    for (size_t pos = 0; (pos = text.find(name, pos)) != std::string::npos;) {
      const size_t end = pos + name.size();
      bool free = true;
      for (size_t i = pos; i < end; ++i) free &= !taken[i];
      if (free) {
        for (size_t i = pos; i < end; ++i) taken[i] = true;
        mentions.push_back(
            {{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}, type});
      }
      pos = end;
    }
  }
  std::vector<Entity> out;
  r.Resolve(text, {}, mentions, {}, &out);
  return out;
}

// "Ms Hewitt" is a short name of Patricia Hewitt, not a person of her own.
TEST(EntityResolverNamesTest, CourtesyTitlesAreNotPartOfTheName) {
  std::unique_ptr<EntityResolver> r;
  ASSERT_TRUE(EntityResolver::Create(WriteGazetteer(), &r).ok());
  const std::string text =
      "Patricia Hewitt said the figures were good. Ms Hewitt told GMTV "
      "that Sir Menzies Campbell was wrong. Mr Campbell and Menzies "
      "Campbell replied.";
  std::vector<Entity> e = ResolveAll(
      *r, text,
      {{"Patricia Hewitt", "PER"}, {"Sir Menzies Campbell", "PER"},
       {"Menzies Campbell", "PER"}, {"Ms Hewitt", "PER"},
       {"Mr Campbell", "PER"}, {"GMTV", "ORG"}});
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].name, "Patricia Hewitt");
  EXPECT_EQ(e[0].mentions.size(), 2u);
  EXPECT_EQ(e[0].aliases, std::vector<std::string>{"Ms Hewitt"});
  EXPECT_EQ(e[2].name, "Sir Menzies Campbell");
  EXPECT_EQ(e[2].mentions.size(), 3u);
}

// A surname goes to the family member whose full name was written last
// before it; a surname before any full name to the one written most often.
TEST(EntityResolverNamesTest, ASurnameGoesToTheNearerFullName) {
  std::unique_ptr<EntityResolver> r;
  ASSERT_TRUE(EntityResolver::Create(WriteGazetteer(), &r).ok());
  const std::string text =
      "Lai verdict due. Jimmy Lai was convicted on Monday. Lai, 78, founded "
      "a newspaper. Jimmy Lai has been held since 2020. His son Sebastien "
      "Lai spoke in London. Lai said his father was a prisoner. Lai asked "
      "for help.";
  std::vector<Entity> e = ResolveAll(
      *r, text,
      {{"Jimmy Lai", "PER"}, {"Sebastien Lai", "PER"}, {"Lai", "PER"},
       {"London", "LOC"}});
  const Entity* jimmy = nullptr;
  const Entity* son = nullptr;
  for (const Entity& x : e) {
    if (x.name == "Jimmy Lai") jimmy = &x;
    if (x.name == "Sebastien Lai") son = &x;
  }
  ASSERT_NE(jimmy, nullptr);
  ASSERT_NE(son, nullptr);
  // The headline's "Lai", "Lai, 78" and the two full names.
  EXPECT_EQ(jimmy->mentions.size(), 4u);
  // The son's full name and the two surnames after it.
  EXPECT_EQ(son->mentions.size(), 3u);
  EXPECT_EQ(jimmy->mentions.front().begin, 0u);
}

// An initial and a surname join the full name they abbreviate, in either
// order; alone, they are a person of their own.
TEST(EntityResolverNamesTest, AnInitialAndSurnameJoinTheFullName) {
  std::unique_ptr<EntityResolver> r;
  ASSERT_TRUE(EntityResolver::Create(WriteGazetteer(), &r).ok());
  const std::string text =
      "Team: K Maggs, P de Villiers, T Bowe. Kevin Maggs returns, with "
      "Pieter de Villiers and Brian O'Driscoll. B O'Driscoll is captain.";
  std::vector<Entity> e = ResolveAll(
      *r, text,
      {{"Kevin Maggs", "PER"}, {"Pieter de Villiers", "PER"},
       {"Brian O'Driscoll", "PER"}, {"K Maggs", "PER"},
       {"P de Villiers", "PER"}, {"T Bowe", "PER"}, {"B O'Driscoll", "PER"}});
  std::vector<std::string> names;
  for (const Entity& x : e) names.push_back(x.name + "/" + std::to_string(x.mentions.size()));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Brian O'Driscoll/2", "Kevin Maggs/2",
                                             "Pieter de Villiers/2", "T Bowe/1"}));
}

TEST(NameKeyTest, FoldsSpellings) {
  EXPECT_EQ(NameKey("Kim Jong-Un"), NameKey("Kim Jong Un"));
  EXPECT_EQ(NameKey("U.S."), "us");
  EXPECT_EQ(NameKey("Russia’s"), "russia");
  EXPECT_EQ(NameKey("the Kremlin"), "kremlin");
}

TEST(EntityResolverCreateTest, MissingGazetteerIsNotFound) {
  std::unique_ptr<EntityResolver> r;
  EXPECT_TRUE(EntityResolver::Create("/nonexistent/dir", &r).IsNotFound());
}

}  // namespace
}  // namespace dateline
