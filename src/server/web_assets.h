// The browser UI's files (web/*.html, *.js, *.css), embedded at build time by
// cmake/embed_web.cmake so an installed binary serves them. Generated
// web_assets.cc lives in the build directory.
#ifndef DATELINE_SERVER_WEB_ASSETS_H_
#define DATELINE_SERVER_WEB_ASSETS_H_

#include <cstddef>

namespace dateline {

struct WebAsset {
  const char* path;  // "/index.html"
  const unsigned char* data;
  size_t size;
};

extern const WebAsset kWebAssets[];
extern const size_t kWebAssetCount;

}  // namespace dateline

#endif  // DATELINE_SERVER_WEB_ASSETS_H_
