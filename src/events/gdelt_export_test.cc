#include "events/gdelt_export.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

EventActor Actor(const std::string& name, const std::string& code) {
  EventActor a;
  a.name = name;
  a.code = code;
  return a;
}

void SetCode(Event* e, std::string code, std::string root) {
  e->code = std::move(code);
  e->root = std::move(root);
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t t = line.find('\t', pos);
    out.push_back(line.substr(pos, t == std::string::npos ? t : t - pos));
    if (t == std::string::npos) break;
    pos = t + 1;
  }
  return out;
}

TEST(GdeltExportTest, SixtyOneColumnsInOrder) {
  ASSERT_EQ(GdeltEventColumnNames().size(), 61u);
  EXPECT_STREQ(GdeltEventColumnNames()[0], "GlobalEventID");
  EXPECT_STREQ(GdeltEventColumnNames()[26], "EventCode");
  EXPECT_STREQ(GdeltEventColumnNames()[39], "Actor1Geo_ADM2Code");
  EXPECT_STREQ(GdeltEventColumnNames()[59], "DATEADDED");
  EXPECT_STREQ(GdeltEventColumnNames()[60], "SOURCEURL");
  GdeltEventInput in;
  in.global_event_id = 42;
  in.event.source = Actor("Vladimir Putin", "RUSGOV");
  in.event.target = Actor("Kim Jong Un", "PRKGOV");
  in.event.has_target = true;
  SetCode(&in.event, "0311", "03");
  in.event.quad_class = 1;
  in.event.goldstein = 5.2;
  in.event.date = "2023-09-13";
  in.event.location = "Vostochny\tcosmodrome";
  in.date_added = "2023-09-14T08:30:05Z";
  in.source_url = "https://news.example/a";
  in.is_root = 1;
  std::vector<std::string> f = Fields(GdeltEventLine(in));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[0], "42");
  EXPECT_EQ(f[1], "20230913");
  EXPECT_EQ(f[2], "202309");
  EXPECT_EQ(f[3], "2023");
  EXPECT_EQ(f[4], "2023.7014");  // day 256 of 365
  EXPECT_EQ(f[5], "RUSGOV");
  EXPECT_EQ(f[6], "VLADIMIR PUTIN");
  EXPECT_EQ(f[7], "RUS");
  EXPECT_EQ(f[12], "GOV");
  EXPECT_EQ(f[15], "PRKGOV");
  EXPECT_EQ(f[17], "PRK");
  EXPECT_EQ(f[25], "1");
  EXPECT_EQ(f[26], "0311");
  EXPECT_EQ(f[27], "031");
  EXPECT_EQ(f[28], "03");
  EXPECT_EQ(f[29], "1");
  EXPECT_EQ(f[30], "5.2");
  EXPECT_EQ(f[34], "");  // AvgTone unknown
  EXPECT_EQ(f[52], "Vostochny cosmodrome");
  EXPECT_EQ(f[59], "20230914083005");
  EXPECT_EQ(f[60], "https://news.example/a");
}

TEST(GdeltExportTest, UnknownsAreEmpty) {
  GdeltEventInput in;
  in.event.source = Actor("protesters", "");
  SetCode(&in.event, "141", "14");
  in.event.date = "2023-09";  // month only: the article's day is used
  in.published = "2023-09-20T10:00:00+00:00";
  std::vector<std::string> f = Fields(GdeltEventLine(in));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[1], "20230920");
  EXPECT_EQ(f[5], "");
  EXPECT_EQ(f[15], "");  // no target
  EXPECT_EQ(f[16], "");
  EXPECT_EQ(f[25], "");
  in.published = "";
  f = Fields(GdeltEventLine(in));
  EXPECT_EQ(f[1], "");
  EXPECT_EQ(f[4], "");
}

TEST(GdeltExportTest, ActionGeoFromTheGeocodedPlace) {
  Event e;
  e.code = "046";
  e.location = "Jeddah";
  e.geo.resolved = true;
  e.geo.name = "Jeddah";
  e.geo.country = "SAU";
  e.geo.type = 4;
  e.geo.adm1 = "SA14";
  e.geo.latitude = 21.54238;
  e.geo.longitude = 39.19797;
  e.geo.feature_id = "105343";
  GdeltEventInput in;
  in.event = e;
  std::string line = GdeltEventLine(in);
  std::vector<std::string> f;
  size_t b = 0;
  while (true) {
    size_t tab = line.find('\t', b);
    f.push_back(line.substr(b, tab == std::string::npos ? tab : tab - b));
    if (tab == std::string::npos) break;
    b = tab + 1;
  }
  ASSERT_EQ(f.size(), kGdeltEventColumns);
  const auto& names = GdeltEventColumnNames();
  auto col = [&](const char* name) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (std::string(names[i]) == name) return f[i];
    }
    return std::string("?");
  };
  EXPECT_EQ(col("ActionGeo_Type"), "4");
  EXPECT_EQ(col("ActionGeo_FullName"), "Jeddah");
  EXPECT_EQ(col("ActionGeo_CountryCode"), "SA");
  EXPECT_EQ(col("ActionGeo_ADM1Code"), "SA14");
  EXPECT_EQ(col("ActionGeo_Lat"), "21.5424");
  EXPECT_EQ(col("ActionGeo_Long"), "39.1980");
  EXPECT_EQ(col("ActionGeo_FeatureID"), "105343");
}

TEST(GdeltExportTest, ActorCodes) {
  CameoActorParts p = SplitCameoActor("IGOUNO");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.known_group, "UNO");
  p = SplitCameoActor("USAMILGOV");
  EXPECT_EQ(p.country, "USA");
  EXPECT_EQ(p.type1, "MIL");
  EXPECT_EQ(p.type2, "GOV");
  EXPECT_EQ(SplitCameoActor("").country, "");
}

}  // namespace
}  // namespace dateline
