#!/usr/bin/env bash
# Word out, checked in LibreOffice (not part of `npm test`: LibreOffice is a 300 MB install).
#   1. export examples/ke-hoach-chuan.kehoach.txt, render it to PDF with soffice --headless and
#      page 1 to PNG (pdftoppm); WORD_PNG=docs/export-page1.png saves the picture;
#   2. write the reviewer's copy of test/fixtures/docx/review/nd30-phu-luc-ii.docx, convert it to
#      .odt and count its annotations: LibreOffice must open it and find one per finding.
# Installs libreoffice-writer-nogui, fonts-liberation (Times New Roman metrics) and poppler-utils
# from Debian when soffice or pdftoppm is missing. Exits non-zero on any failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui fonts-liberation poppler-utils >/dev/null
fi
npx tsc -p .
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export HOME="$OUT/home"   # a private LibreOffice profile: no clash with another soffice running

# 1. the export, rendered
node bin/kehoach.js export examples/ke-hoach-chuan.kehoach.txt -o "$OUT/ke-hoach-chuan.docx" >/dev/null
soffice --headless --convert-to pdf --outdir "$OUT" "$OUT/ke-hoach-chuan.docx" >/dev/null 2>&1
pages=$(pdfinfo "$OUT/ke-hoach-chuan.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -png -r 80 -f 1 -l 1 "$OUT/ke-hoach-chuan.pdf" "$OUT/page"
png=$(ls "$OUT"/page*.png | head -1)
pdftotext -f 1 -l 1 "$OUT/ke-hoach-chuan.pdf" "$OUT/page1.txt"
for want in 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' 'Độc lập - Tự do - Hạnh phúc' 'KẾ HOẠCH' 'Số: 21/KH-UBND'; do
  grep -q "$want" "$OUT/page1.txt" || { echo "page 1 does not show: $want"; exit 1; }
done
echo "export: $pages pages; page 1 rendered ($png)"
if [ -n "${WORD_PNG:-}" ]; then cp "$png" "$WORD_PNG"; echo "saved $WORD_PNG"; fi

# 2. the reviewer's copy, opened by LibreOffice
node bin/kehoach.js review test/fixtures/docx/review/nd30-phu-luc-ii.docx -o "$OUT/reviewed.docx" --date 2026-01-10
comments=$(unzip -p "$OUT/reviewed.docx" word/comments.xml | grep -o '<w:comment ' | wc -l)
soffice --headless --convert-to odt --outdir "$OUT" "$OUT/reviewed.docx" >/dev/null 2>&1
annotations=$(unzip -p "$OUT/reviewed.odt" content.xml | grep -o '<office:annotation ' | wc -l)
ends=$(unzip -p "$OUT/reviewed.odt" content.xml | grep -o '<office:annotation-end ' | wc -l)
echo "review: $comments comments written; LibreOffice reads $annotations annotations ($ends with a range end)"
[ "$comments" -gt 0 ] && [ "$annotations" -eq "$comments" ] && [ "$ends" -eq "$comments" ]
