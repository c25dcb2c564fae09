"""Small audio files written by the tests themselves (standard library only), so no binary is committed.

``pcm_wav`` uses the standard library's ``wave`` writer (an independent check of our own RIFF parser); ``riff_wav``
writes the header by hand for what ``wave`` cannot write (µ-law, A-law, odd chunks).
"""

import io
import math
import struct
import wave

WAVE_FORMAT_PCM = 1
WAVE_FORMAT_ALAW = 6
WAVE_FORMAT_MULAW = 7
ASF_HEADER_GUID = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
# The first bytes of an MP3 file with an ID3v2 tag.
MP3_BYTES = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400


def tone_frames(seconds, rate=8000, sample_width=2, channels=1, pitch=440.0):
    """SECONDS of a sine tone as PCM frames (little-endian, signed 16-bit or unsigned 8-bit)."""
    frames = bytearray()
    for index in range(int(seconds * rate)):
        value = math.sin(2 * math.pi * pitch * index / rate)
        sample = struct.pack("<h", int(value * 12000)) if sample_width == 2 else bytes([128 + int(value * 100)])
        frames += sample * channels
    return bytes(frames)


def pcm_wav(seconds=1.0, rate=8000, sample_width=2, channels=1, pitch=440.0):
    """A PCM WAV file (bytes) written by the standard library's wave module."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(sample_width)
        writer.setframerate(rate)
        writer.writeframes(tone_frames(seconds, rate, sample_width, channels, pitch))
    return buffer.getvalue()


def riff_wav(
    format_tag=WAVE_FORMAT_MULAW, channels=1, rate=8000, bits=8, data_bytes=8000, extra_chunks=(), fmt_extra=b""
):
    """A WAV file with a hand-written header: FORMAT_TAG, then EXTRA_CHUNKS ((id, payload) before fmt), then data."""
    block_align = channels * bits // 8
    fmt = struct.pack("<HHIIHH", format_tag, channels, rate, rate * block_align, block_align, bits) + fmt_extra
    chunks = b""
    for chunk_id, payload in extra_chunks:
        chunks += chunk_id + struct.pack("<I", len(payload)) + payload + (b"\x00" if len(payload) % 2 else b"")
    chunks += b"fmt " + struct.pack("<I", len(fmt)) + fmt
    chunks += b"data" + struct.pack("<I", data_bytes) + b"\x7f" * data_bytes
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks


def asf_wma(size=2048):
    """Bytes that start with the ASF header object GUID, as a WMA file does (the rest is filler)."""
    return ASF_HEADER_GUID + struct.pack("<Q", 30) + b"\x00" * (size - 24)


def write(directory, name, content):
    """Write CONTENT to DIRECTORY/NAME and return the path as a string."""
    path = directory / name
    path.write_bytes(content)
    return str(path)
