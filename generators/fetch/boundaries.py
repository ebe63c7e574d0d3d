"""Area boundaries from an ArcGIS feature service (the ONS Open Geography portal), page by page.

A query answers at most the layer's ``maxRecordCount`` features (often 2000) and then says
``exceededTransferLimit: true`` (in GeoJSON, inside the collection's ``properties``). The next page
is the same query with ``resultOffset`` set to the number of features received so far; the last
page says ``false`` or nothing. The pages are joined into one FeatureCollection.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from generators.fetch.checks import check_boundaries
from generators.fetch.fetcher import Fetcher
from generators.fetch.fingertips import malformed

ASKED = "area boundaries"
MAX_PAGES = 200  # 400,000 features at 2,000 a page: far more than any English geography


def page_url(url: str, offset: int) -> str:
    """``url`` asking for the features from ``offset`` on (the first page: ``url`` itself)."""
    if offset == 0:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "resultOffset"]
    query.append(("resultOffset", str(offset)))
    return urlunsplit(parts._replace(query=urlencode(query, safe=",*")))


def download_boundaries(fetcher: Fetcher, url: str) -> bytes:
    """Every feature of the query at ``url``, as GeoJSON bytes (the first page's bytes when there is one page)."""
    first = fetcher.get(url, ASKED, expect="json").body
    check_boundaries(first, url)
    collection = json.loads(first.decode("utf-8-sig"))
    if not _exceeded(collection):
        return first
    features = list(collection["features"])
    for _ in range(MAX_PAGES):
        next_url = page_url(url, len(features))
        body = fetcher.get(next_url, ASKED, expect="json").body
        page = _page(body, next_url)
        if not page["features"]:
            break  # a server that says "more" and sends nothing: what came is all there is
        features.extend(page["features"])
        if not _exceeded(page):
            break
    else:
        raise malformed(url, ASKED, f"still more features after {MAX_PAGES} pages; narrow the where= part")
    collection["features"] = features
    collection.pop("exceededTransferLimit", None)
    if isinstance(collection.get("properties"), dict):
        collection["properties"].pop("exceededTransferLimit", None)
        if not collection["properties"]:
            del collection["properties"]
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _exceeded(collection: dict[str, Any]) -> bool:
    properties = collection.get("properties")
    inner = properties.get("exceededTransferLimit") if isinstance(properties, dict) else None
    return bool(collection.get("exceededTransferLimit") or inner)


def _page(body: bytes, url: str) -> dict[str, Any]:
    try:
        page = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise malformed(url, ASKED, "it is not GeoJSON") from error
    if not isinstance(page, dict) or page.get("type") != "FeatureCollection" or not isinstance(page.get("features"), list):
        raise malformed(url, ASKED, "expected a GeoJSON FeatureCollection")
    return page
