# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks a local audio file before it is uploaded to the announcement repository (standard library only, no HTTP).

The limits are those of Cisco's help article "Manage announcement repository" (https://help.webex.com/n5y120ab):
WAV 8 or 16 kHz, 8 or 16 bit, mono, µ-law, A-law or PCM; WMA 8 or 16 kHz 16-bit mono; at most 5 MB a file; at most
5 minutes for an auto attendant greeting; a 5 second minimum (enforced at least for music on hold).

WAV headers are parsed here rather than with the ``wave`` module, which refuses µ-law and A-law files that the
service accepts. For WMA only the ASF header is checked: its rate and channels are not read.
"""

from __future__ import annotations

import math
import os
import re
import struct

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_SECONDS = 5 * 60
MIN_SECONDS = 5
SAMPLE_RATES = (8000, 16000)
BIT_DEPTHS = (8, 16)
FILE_NAME_MAX_LENGTH = 80  # the repository's fileName limit (Cisco's Webex Calling API reference)
MEDIA_TYPES = {".wav": "WAV", ".wma": "WMA"}
WAVE_FORMATS = {1: "PCM", 6: "A-law", 7: "u-law"}
WAVE_FORMAT_EXTENSIBLE = 0xFFFE
ASF_HEADER_GUID = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
HEADER_READ_BYTES = 64 * 1024  # enough for the fmt chunk behind any plausible metadata chunks
# What a multipart file name does not carry the same way to every server: a quote (browsers and urllib3 send it as
# %22, which a server may or may not decode), a backslash (RFC 2045 parsers read it as an escape, others keep it) and
# control characters. Sent as they are, the stored fileName is not the local one and the file is uploaded every run.
UNSAFE_IN_FILE_NAME = re.compile(r'["\\\x00-\x1f\x7f]')


class AudioFileError(Exception):
    """The file cannot be uploaded as it is; the message names the file and the problem."""


def _what_it_looks_like(head):
    """A guess at the real type of a file from its first bytes, for the error message."""
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "an MP3 file"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "a WAV file"
    if head[:16] == ASF_HEADER_GUID:
        return "a WMA (ASF) file"
    for magic, kind in ((b"OggS", "an Ogg file"), (b"fLaC", "a FLAC file"), (b"RIFX", "a big-endian WAV (RIFX) file")):
        if head[:4] == magic:
            return kind
    if head[4:8] == b"ftyp":
        return "an MP4/M4A file"
    return "no audio format the repository accepts"


def _chunks(data):
    """(chunk id, offset of the payload, declared size) of each RIFF chunk after the WAVE tag, as far as DATA goes."""
    offset = 12
    while offset + 8 <= len(data):
        size_at, body_at = offset + 4, offset + 8
        chunk_id = data[offset:size_at]
        (size,) = struct.unpack("<I", data[size_at:body_at])
        yield chunk_id, offset + 8, size
        offset += 8 + size + (size % 2)


def parse_wav(head, file_size):
    """The format of a WAV file from its first bytes HEAD (the whole file when small) and its size on disk.

    Returns dict(encoding, channels, sample_rate, bits, duration); raises ValueError saying what is wrong.
    """
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise ValueError("it is not a WAV file: it looks like %s" % _what_it_looks_like(head))
    fmt = data_size = data_offset = None
    for chunk_id, offset, size in _chunks(head):
        if chunk_id == b"fmt ":
            end = offset + size
            fmt = head[offset:end]
        elif chunk_id == b"data":
            data_offset, data_size = offset, size
            break
    if fmt is None or len(fmt) < 16:
        raise ValueError("its WAV header has no complete fmt chunk before the audio data")
    format_tag, channels, sample_rate, byte_rate, block_align, bits = struct.unpack("<HHIIHH", fmt[:16])
    if format_tag == WAVE_FORMAT_EXTENSIBLE and len(fmt) >= 26:
        # WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the SubFormat GUID.
        (format_tag,) = struct.unpack("<H", fmt[24:26])
    if data_size is None:
        raise ValueError("its WAV header has no data chunk")
    # A data size larger than the file (a truncated file, or a streaming writer's placeholder) counts what is there.
    data_size = min(data_size, max(0, file_size - data_offset))
    rate_bytes = byte_rate or sample_rate * block_align
    return dict(
        encoding=WAVE_FORMATS.get(format_tag, "format %d" % format_tag),
        format_tag=format_tag,
        channels=channels,
        sample_rate=sample_rate,
        bits=bits,
        duration=float(data_size) / rate_bytes if rate_bytes else 0.0,
    )


def wav_problems(info):
    """What the repository refuses in a parsed WAV (help article: mono, 8 or 16 kHz, 8 or 16 bit, PCM/µ-law/A-law)."""
    problems = []
    if info["format_tag"] not in WAVE_FORMATS:
        problems.append("encoding %s (PCM, u-law or A-law are accepted)" % info["encoding"])
    if info["channels"] != 1:
        kind = "stereo" if info["channels"] == 2 else "multichannel"
        problems.append("%s (%d channels); it must be mono" % (kind, info["channels"]))
    if info["sample_rate"] not in SAMPLE_RATES:
        problems.append(
            "sample rate %s Hz (%s kHz); it must be 8 or 16 kHz"
            % (info["sample_rate"], ("%.3f" % (info["sample_rate"] / 1000.0)).rstrip("0").rstrip("."))
        )
    if info["bits"] not in BIT_DEPTHS:
        problems.append("%d bits per sample; it must be 8 or 16" % info["bits"])
    return problems


def stored_file_name(file_name):
    """The fileName a local file called FILE_NAME is uploaded, and so stored, under: FILE_NAME with each quote,
    backslash and control character made an underscore (UNSAFE_IN_FILE_NAME); unicode and spaces are kept.

    The one place that maps a local file name to the repository's: the upload sends it, the comparison expects it, and
    a menu that plays the file (the role's and webex_site's greeting_file) names it.
    """
    return UNSAFE_IN_FILE_NAME.sub("_", file_name)


def media_type_for(file_name):
    """WAV or WMA from the file name's extension, or None."""
    return MEDIA_TYPES.get(os.path.splitext(file_name)[1].lower())


def inspect(path, max_seconds=MAX_SECONDS):
    """Check the local file PATH and describe it; raise AudioFileError naming the file and every problem found.

    Returns dict(path, file_name, media_type, size (bytes), encoding, channels, sample_rate, bits, duration (seconds,
    None for WMA), short (True when under the 5 s minimum)).
    """
    file_name = os.path.basename(path)
    if not os.path.exists(path):
        raise AudioFileError("%s: no such file" % path)
    if not os.path.isfile(path):
        raise AudioFileError("%s: not a regular file" % path)
    media_type = media_type_for(file_name)
    if media_type is None:
        raise AudioFileError(
            "%s: the file name must end in .wav or .wma (the types the announcement repository accepts)" % path
        )
    if len(file_name) > FILE_NAME_MAX_LENGTH:
        raise AudioFileError(
            "%s: the file name is %d characters; the repository allows %d"
            % (path, len(file_name), FILE_NAME_MAX_LENGTH)
        )
    size = os.path.getsize(path)
    if size == 0:
        raise AudioFileError("%s: the file is empty" % path)
    if size > MAX_FILE_BYTES:
        raise AudioFileError(
            "%s: %.1f MB (%d bytes); the announcement repository takes at most 5 MB a file"
            % (path, size / 1048576.0, size)
        )
    with open(path, "rb") as handle:
        head = handle.read(HEADER_READ_BYTES)
    result = dict(
        path=path,
        file_name=file_name,
        media_type=media_type,
        size=size,
        encoding=None,
        channels=None,
        sample_rate=None,
        bits=None,
        duration=None,
        short=False,
    )
    if media_type == "WMA":
        if head[:16] != ASF_HEADER_GUID:
            raise AudioFileError(
                "%s: named .wma but it is not a WMA file: it looks like %s" % (path, _what_it_looks_like(head))
            )
        return result
    try:
        info = parse_wav(head, size)
    except ValueError as error:
        raise AudioFileError("%s: named .wav but %s" % (path, error)) from None
    problems = wav_problems(info)
    if max_seconds and info["duration"] > max_seconds:
        problems.append(
            "%.1f seconds long; an auto attendant greeting may be at most %d minutes"
            % (info["duration"], max_seconds // 60)
        )
    if problems:
        raise AudioFileError(
            "%s: the announcement repository does not accept this WAV file: %s" % (path, "; ".join(problems))
        )
    info.pop("format_tag")
    result.update(info)
    result["short"] = info["duration"] < MIN_SECONDS
    return result


def size_kb_candidates(byte_count):
    """The fileSize values (kilobytes, as strings) the service may show for BYTE_COUNT bytes.

    The API reports kilobytes and does not say how it rounds, so both neighbours count as the same size.
    """
    kb = byte_count / 1024.0
    return [str(size) for size in sorted({int(math.floor(kb)), int(math.ceil(kb))})]  # by number: "9" before "10"
