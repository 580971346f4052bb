"""Bytes to text without silent loss: BOMs, declared charsets, then detection.

Order of evidence: a byte-order mark is certain; strict UTF-8 is next (it almost never decodes
text written in another encoding by accident); then a charset the document or the HTTP header
declares; then charset-normalizer, restricted to the encodings news actually arrives in. Every
decode is strict. A file that is UTF-8 up to a broken byte is rejected rather than re-read as
some single-byte code page, because that would turn its accented letters into mojibake.

Example:
    >>> decode_bytes("café".encode("cp1252"), "a.txt")
    'café'
"""

from __future__ import annotations

import codecs
import re

from whymove.errors import DecodeError, EmptyInputError

# The encodings we accept from detection; the first that fits wins ties in charset-normalizer.
SUPPORTED_ENCODINGS: tuple[str, ...] = (
    "utf_8",
    "utf_16",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
    "cp1252",
    "latin_1",
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# WHATWG: pages that declare latin-1 or ascii are really cp1252; GBK pages may use GB18030.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "x-gbk": "gb18030",
    "shift-jis": "shift_jis",
    "sjis": "shift_jis",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
SAMPLE_BYTES = 262_144


def sniff_bom(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when Python does not know it."""
    if not name:
        return None
    key = name.strip().strip("\"'").lower()
    key = _ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def detect_encoding(
    data: bytes, source: str, declared: str | None = None, *, complete: bool = True
) -> str:
    """The codec to decode ``data`` with, or DecodeError naming ``source``.

    ``complete=False`` says ``data`` is only the start of a longer input (a sample), so a
    multi-byte character cut at its end is not an error.
    """
    bom = sniff_bom(data)
    if bom is not None:
        return bom
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError(source, "binary data (NUL bytes), not text")
        return utf16
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError as exc:
        if any(byte >= 0x80 for byte in data[: exc.start]):
            raise DecodeError(
                source,
                f"invalid UTF-8 at byte {exc.start} in a file that is otherwise UTF-8; "
                "re-save it as UTF-8",
            ) from exc
    codec = normalise_charset(declared)
    if codec is not None and _decodes(data, codec, complete):
        return codec
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE_BYTES], cp_isolation=list(SUPPORTED_ENCODINGS)).best()
    if best is None:
        raise DecodeError(
            source, "no supported encoding decodes it (" + ", ".join(SUPPORTED_ENCODINGS) + ")"
        )
    return best.encoding


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` strictly, or raise DecodeError / EmptyInputError naming ``source``.

    ``declared`` is a charset the document or its HTTP response claims; it is tried after
    BOMs and strict UTF-8, and ignored when it does not decode the bytes.
    """
    if not data.strip():
        raise EmptyInputError(source, "the input is empty")
    codec = detect_encoding(data, source, declared)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"looks like {codec} but does not decode: {exc}") from exc
    return check_text(text, source)


def check_text(text: str, source: str) -> str:
    """``text`` unchanged, unless it is binary junk or blank (then an InputError)."""
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise DecodeError(source, "binary data (control characters), not text")
    if not text.strip():
        raise EmptyInputError(source, "the input holds only whitespace")
    return text


def _decodes(data: bytes, codec: str, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder(codec)().decode(data, final=complete)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for BOM-less UTF-16 of mostly Latin text (every other byte NUL)."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None  # too short to tell UTF-16 from binary
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None
