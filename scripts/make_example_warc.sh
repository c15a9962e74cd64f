#!/usr/bin/env bash
# Builds examples/pages/bundle.warc.gz from the two example HTML pages.
#
# The bundle holds, in order: one `warcinfo` record, then for each page a
# `request` record (readers must skip it) and a `response` record whose block
# is an HTTP/1.1 200 header block followed by the page bytes as they are on
# disk (council-vote.html stays in windows-1252). Each record is its own gzip
# member, as in crawler output, so readers can seek record by record.
#
# Needs only bash, coreutils and gzip. The output is reproducible: record ids
# are derived from the content, dates are fixed, and gzip -n stores no name or
# timestamp. Run from anywhere:  scripts/make_example_warc.sh [OUT]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${root}/examples/pages"
out="${1:-${pages}/bundle.warc.gz}"

tmp="$(mktemp -d)"
trap 'rm -rf "${tmp}"' EXIT

CRLF=$'\r\n'

# Prints a urn:uuid made from the md5 of its arguments (stable across runs).
record_id() {
  local h
  h="$(printf '%s' "$*" | md5sum | cut -c1-32)"
  printf '<urn:uuid:%s-%s-%s-%s-%s>' \
    "${h:0:8}" "${h:8:4}" "${h:12:4}" "${h:16:4}" "${h:20:12}"
}

# Appends one WARC record as its own gzip member to ${out}.
#   $1  file holding the WARC header lines (CRLF-terminated, no
#       Content-Length and no blank line)
#   $2  file holding the record block (bytes, exactly as stored)
append_record() {
  local header="$1" block="$2" length
  length="$(wc -c < "${block}")"
  length="${length//[[:space:]]/}"
  {
    cat "${header}"
    printf 'Content-Length: %s\r\n\r\n' "${length}"
    cat "${block}"
    printf '\r\n\r\n'
  } | gzip -n -9 >> "${out}"
}

: > "${out}"

# 1. warcinfo: describes the file; carries no page.
info_block="${tmp}/info.block"
{
  printf 'software: dateline scripts/make_example_warc.sh\r\n'
  printf 'format: WARC File Format 1.0\r\n'
  printf 'description: Example pages written for the dateline project (fiction).\r\n'
  printf 'isPartOf: dateline-examples\r\n'
} > "${info_block}"
info_header="${tmp}/info.header"
{
  printf 'WARC/1.0\r\n'
  printf 'WARC-Type: warcinfo\r\n'
  printf 'WARC-Record-ID: %s\r\n' "$(record_id warcinfo dateline-examples)"
  printf 'WARC-Date: 2024-11-04T08:00:00Z\r\n'
  printf 'WARC-Filename: %s\r\n' "$(basename "${out}")"
  printf 'Content-Type: application/warc-fields\r\n'
} > "${info_header}"
append_record "${info_header}" "${info_block}"

# 2. One request + response pair per page.
#   $1 file name in examples/pages, $2 URL, $3 HTTP Content-Type, $4 WARC-Date
add_page() {
  local name="$1" url="$2" content_type="$3" date="$4"
  local page="${pages}/${name}"
  local host path page_length req_id resp_id
  host="${url#*://}"; path="/${host#*/}"; host="${host%%/*}"
  page_length="$(wc -c < "${page}")"; page_length="${page_length//[[:space:]]/}"
  req_id="$(record_id request "${url}")"
  resp_id="$(record_id response "${url}" "$(md5sum < "${page}")")"

  # request: what the crawler sent. Readers must skip it.
  local req_block="${tmp}/${name}.req.block" req_header="${tmp}/${name}.req.header"
  {
    printf 'GET %s HTTP/1.1\r\n' "${path}"
    printf 'Host: %s\r\n' "${host}"
    printf 'User-Agent: dateline-example-crawler/1.0\r\n'
    printf 'Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n'
    printf 'Accept-Encoding: identity\r\n'
    printf '\r\n'
  } > "${req_block}"
  {
    printf 'WARC/1.0\r\n'
    printf 'WARC-Type: request\r\n'
    printf 'WARC-Record-ID: %s\r\n' "${req_id}"
    printf 'WARC-Date: %s\r\n' "${date}"
    printf 'WARC-Target-URI: %s\r\n' "${url}"
    printf 'WARC-Concurrent-To: %s\r\n' "${resp_id}"
    printf 'Content-Type: application/http; msgtype=request\r\n'
  } > "${req_header}"
  append_record "${req_header}" "${req_block}"

  # response: HTTP header block, blank line, then the page bytes.
  local resp_block="${tmp}/${name}.resp.block" resp_header="${tmp}/${name}.resp.header"
  {
    printf 'HTTP/1.1 200 OK\r\n'
    printf 'Content-Type: %s\r\n' "${content_type}"
    printf 'Content-Length: %s\r\n' "${page_length}"
    printf 'Server: example\r\n'
    printf 'Cache-Control: max-age=300\r\n'
    printf 'Connection: close\r\n'
    printf '\r\n'
    cat "${page}"
  } > "${resp_block}"
  {
    printf 'WARC/1.0\r\n'
    printf 'WARC-Type: response\r\n'
    printf 'WARC-Record-ID: %s\r\n' "${resp_id}"
    printf 'WARC-Date: %s\r\n' "${date}"
    printf 'WARC-Target-URI: %s\r\n' "${url}"
    printf 'WARC-Warcinfo-ID: %s\r\n' "$(record_id warcinfo dateline-examples)"
    printf 'Content-Type: application/http; msgtype=response\r\n'
  } > "${resp_header}"
  append_record "${resp_header}" "${resp_block}"
}

add_page harbor-strike.html \
  'https://www.coastalledger.example/business/2024/11/03/portville-harbor-strike' \
  'text/html; charset=utf-8' '2024-11-03T21:10:00Z'
add_page council-vote.html \
  'https://www.valleycourier.example/news/local/8812.html' \
  'text/html; charset=windows-1252' '2024-06-13T04:15:00Z'

echo "wrote ${out} ($(wc -c < "${out}" | tr -d '[:space:]') bytes)"
