"""Module-page throughput under gunicorn, as a ratio to the app's own /healthz.

    python bench/module_page.py [--requests 2000] [--concurrency 8] [--workers 2]

The ratio is what to watch: it says how much of the framework's floor a real page keeps,
and it moves far less between machines than raw requests per second. Pages are fetched as an
anonymous visitor; the last row revalidates a module page with its ETag (a 304).
"""
import argparse
import http.client

from common import gunicorn, load, report

PAGES = ["/modules/stakeholder-engagement", "/modules/risk-mitigation", "/library",
         "/library?q=critical+path", "/paths/foundations"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with gunicorn(args.workers) as port:
        for path in ["/healthz", *PAGES]:  # warm every worker's render cache
            load(port, path, 50, args.concurrency)
        floor = load(port, "/healthz", args.requests, args.concurrency)
        rows = [load(port, path, args.requests, args.concurrency) for path in PAGES]
        etag = _etag(port, PAGES[0])
        revalidated = load(port, PAGES[0], args.requests, args.concurrency,
                           headers={"If-None-Match": etag})
        rows.append({**revalidated, "path": PAGES[0] + " (304)"})
    print(f"gunicorn, {args.workers} workers, {args.concurrency} concurrent clients, "
          f"{args.requests} requests per page")
    report(rows, floor)


def _etag(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheader("ETag") or ""


if __name__ == "__main__":
    main()
