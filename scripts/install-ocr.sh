#!/usr/bin/env bash
# Installs what document extraction needs from Debian's packages when it is missing: Tesseract
# with its English and orientation data, poppler (first page of a PDF) and the OCR-B font
# (the test document generator draws machine-readable zones with it). Needs root for apt-get.
set -euo pipefail
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd)
# The server calls the library in process (libtesseract.so.5); the command comes with it.
ldconfig -p 2>/dev/null | grep "libtesseract.so.5 " >/dev/null || missing+=(libtesseract5)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/opentype/ocr-b/OCRB.otf ] || missing+=(fonts-ocr-b)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
