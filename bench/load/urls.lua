-- wrk script for bench/run_server_load.sh: requests the paths listed in the
-- file named by $URLS (one per line) in turn, each connection starting at a
-- different line, and prints a summary line the script parses.
local paths = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("first", counter)
end

function init(args)
  for line in io.lines(os.getenv("URLS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  i = first or 1
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read +
                 summary.errors.write + summary.errors.status +
                 summary.errors.timeout
  io.write(string.format(
    "LOAD requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors))
end
