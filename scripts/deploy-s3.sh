#!/usr/bin/env bash
# Uploads an export (out/) to S3 with a cache policy per kind of file, then asks CloudFront
# to drop only the pages that changed since the last deploy.
#
#   S3_BUCKET=my-blog CLOUDFRONT_DISTRIBUTION_ID=E2ABC123 scripts/deploy-s3.sh [out-dir]
#
# Environment:
#   S3_BUCKET                   the bucket (required)
#   CLOUDFRONT_DISTRIBUTION_ID  the distribution in front of it; without it, nothing is invalidated
#   BASE_PATH                   the base path the site was built with: files go under that key prefix
#   DEPLOY_MANIFEST_KEY         where the page hashes of the last deploy are kept in the bucket
#                               (default: .deploy/page-hashes.txt under the base path)
#   DRY_RUN=1                   show what would be uploaded and invalidated, and change nothing
#
# The cache policies are lib/export/headers.ts's CACHE_POLICIES (a test keeps them equal):
# content-hashed files for a year, immutable; pages, feeds and everything else that keeps its
# name a minute in the browser and an hour at the edge; the search index's entry files
# revalidated on every use; the icons and the web app manifest a day. CloudFront honours s-maxage; the security headers of out/_headers
# go in a CloudFront response headers policy (see README, "Deploying"). _redirects is for other hosts: S3
# serves the page the build leaves at each old URL of a post, which sends readers on.
set -euo pipefail
export LC_ALL=C

OUT_DIR=${1:-out}
: "${S3_BUCKET:?set S3_BUCKET to the bucket to deploy to}"
# The base path as the build reads it (lib/routes/base-path.ts, run by the project's tsx): my-repo,
# /my-repo and /my-repo/ are one; a malformed value stops the deploy with the build's message.
PROJECT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=$(cd "$PROJECT" && node --import tsx --input-type=module -e "import { parseBasePath } from './lib/routes/base-path.ts'; console.log(parseBasePath(process.env.BASE_PATH))")
DESTINATION="s3://${S3_BUCKET}${PREFIX}"
MANIFEST_KEY=${DEPLOY_MANIFEST_KEY:-${PREFIX#/}${PREFIX:+/}.deploy/page-hashes.txt}

IMMUTABLE='public, max-age=31536000, immutable'
PAGE='public, max-age=60, s-maxage=3600, stale-while-revalidate=86400'
SEARCH_ENTRY='public, max-age=0, must-revalidate, s-maxage=300'
ICON='public, max-age=86400, stale-while-revalidate=604800'

if [[ ! -f "$OUT_DIR/index.html" ]]; then
  echo "No site in $OUT_DIR: run npm run build first." >&2
  exit 1
fi

DRY=()
if [[ -n "${DRY_RUN:-}" ]]; then DRY=(--dryrun); fi

# 1. Content-hashed files first, so no new page ever names a file that is not there yet. They
#    are never deleted: a page cached before this deploy may still load them. Their names
#    change with their content, so the size is enough to tell whether one is uploaded.
aws s3 sync "$OUT_DIR" "$DESTINATION" ${DRY[@]+"${DRY[@]}"} --size-only --cache-control "$IMMUTABLE" \
  --exclude '*' --include '_next/static/*' --include '_img/*' \
  --include 'pagefind/*.pf_index' --include 'pagefind/*.pf_fragment' --include 'pagefind/*.pf_filter' --include 'pagefind/*.pf_meta'

# 2. The search index's entry files, which name the chunks uploaded above.
aws s3 sync "$OUT_DIR" "$DESTINATION" ${DRY[@]+"${DRY[@]}"} --cache-control "$SEARCH_ENTRY" \
  --exclude '*' --include 'pagefind/*' \
  --exclude 'pagefind/*.pf_index' --exclude 'pagefind/*.pf_fragment' --exclude 'pagefind/*.pf_filter' --exclude 'pagefind/*.pf_meta'

# 3. The icons, and the web app manifest with its media type, which S3 would not guess.
aws s3 sync "$OUT_DIR" "$DESTINATION" ${DRY[@]+"${DRY[@]}"} --cache-control "$ICON" \
  --exclude '*' --include 'favicon.ico' --include 'icons/*'
if [[ -f "$OUT_DIR/manifest.webmanifest" ]]; then
  aws s3 cp "$OUT_DIR/manifest.webmanifest" "$DESTINATION/manifest.webmanifest" ${DRY[@]+"${DRY[@]}"} --cache-control "$ICON" --content-type 'application/manifest+json'
fi

# 4. Pages, feeds, the sitemap, images: everything else. What the site no longer has is
#    deleted (the hashed files, the search index and the icons above are not touched).
aws s3 sync "$OUT_DIR" "$DESTINATION" ${DRY[@]+"${DRY[@]}"} --delete --cache-control "$PAGE" \
  --exclude '_next/static/*' --exclude '_img/*' --exclude 'pagefind/*' --exclude 'favicon.ico' --exclude 'icons/*' --exclude 'manifest.webmanifest' --exclude '_headers' --exclude '_redirects' --exclude '.deploy/*'

# 5. Invalidate the pages (and feeds, sitemap and icons) whose content changed, were added or
#    were removed since the last deploy, by comparing their hashes with the list it left.
current=$(mktemp)
previous=$(mktemp)
trap 'rm -f "$current" "$previous"' EXIT
if command -v sha256sum >/dev/null; then SHA256=(sha256sum); else SHA256=(shasum -a 256); fi
(cd "$OUT_DIR" && find . -type f \( -name '*.html' -o -name 'rss.xml' -o -name 'atom.xml' -o -name 'feed.json' -o -name 'sitemap.xml' -o -path './favicon.ico' -o -path './manifest.webmanifest' -o -path './icons/*' \) -print0 | xargs -0 "${SHA256[@]}" | sed 's#  \./#  #' | sort) >"$current"
aws s3 cp "s3://${S3_BUCKET}/${MANIFEST_KEY}" "$previous" --only-show-errors 2>/dev/null || : >"$previous"

# The files whose line is not in both lists; a page is invalidated at its folder's URL too.
changed=$(comm -3 <(sort "$previous") "$current" | sed 's/^[[:space:]]*//' | cut -d' ' -f3- | sort -u)
paths=()
while IFS= read -r file; do
  [[ -z "$file" ]] && continue
  paths+=("${PREFIX}/${file}")
  if [[ "$file" == index.html || "$file" == */index.html ]]; then paths+=("${PREFIX}/${file%index.html}"); fi
done <<<"$changed"

if [[ ${#paths[@]} -eq 0 ]]; then
  echo "No page changed: nothing to invalidate."
elif [[ -z "${CLOUDFRONT_DISTRIBUTION_ID:-}" ]]; then
  echo "${#paths[@]} changed paths; set CLOUDFRONT_DISTRIBUTION_ID to invalidate them."
else
  # CloudFront wants non-ASCII characters in paths percent-encoded; past 100 paths one wildcard costs less.
  encoded=()
  while IFS= read -r line; do encoded+=("$line"); done < <(printf '%s\n' "${paths[@]}" | node -e 'for (const line of require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean)) console.log(encodeURI(line))')
  if [[ ${#encoded[@]} -gt 100 ]]; then encoded=("${PREFIX}/*"); fi
  if [[ -n "${DRY_RUN:-}" ]]; then
    echo "(dry run) would invalidate: ${encoded[*]}"
  else
    aws cloudfront create-invalidation --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" --paths "${encoded[@]}"
  fi
fi

if [[ -z "${DRY_RUN:-}" ]]; then
  aws s3 cp "$current" "s3://${S3_BUCKET}/${MANIFEST_KEY}" --only-show-errors --cache-control 'no-store' --content-type 'text/plain'
fi
