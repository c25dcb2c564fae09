"""The local audio file checks: every WAV the help article allows passes, everything else fails naming file and problem."""

import os
import struct

import pytest

from ansible_collections.wxc.calling.plugins.module_utils import audio_files as af
from tests.audio_fixtures import (
    MP3_BYTES,
    WAVE_FORMAT_ALAW,
    WAVE_FORMAT_MULAW,
    WAVE_FORMAT_PCM,
    asf_wma,
    pcm_wav,
    riff_wav,
    write,
)


@pytest.mark.parametrize("rate", [8000, 16000])
@pytest.mark.parametrize("width", [1, 2])
def test_pcm_written_by_the_standard_library_passes(tmp_path, rate, width):
    path = write(tmp_path, "ok.wav", pcm_wav(seconds=6, rate=rate, sample_width=width))
    info = af.inspect(path)
    assert (info["media_type"], info["encoding"], info["channels"], info["sample_rate"], info["bits"]) == (
        "WAV",
        "PCM",
        1,
        rate,
        width * 8,
    )
    assert info["duration"] == pytest.approx(6.0) and info["short"] is False
    assert info["size"] == os.path.getsize(path) and info["file_name"] == "ok.wav"


@pytest.mark.parametrize("tag, encoding", [(WAVE_FORMAT_MULAW, "u-law"), (WAVE_FORMAT_ALAW, "A-law")])
def test_mu_law_and_a_law_pass_although_the_wave_module_refuses_them(tmp_path, tag, encoding):
    path = write(tmp_path, "law.wav", riff_wav(format_tag=tag, bits=8, data_bytes=8000 * 7, fmt_extra=b"\x00\x00"))
    info = af.inspect(path)
    assert info["encoding"] == encoding and info["duration"] == pytest.approx(7.0)
    import wave  # pylint: disable=import-outside-toplevel

    with pytest.raises(wave.Error):
        wave.open(path).close()


def test_chunks_before_fmt_and_the_extensible_format_are_read(tmp_path):
    extensible = struct.pack("<HHI", 22, 16, 0x4) + struct.pack("<H", WAVE_FORMAT_PCM) + bytes(14)
    content = riff_wav(
        format_tag=0xFFFE,
        bits=16,
        rate=16000,
        data_bytes=32000 * 5,
        fmt_extra=extensible,
        extra_chunks=[(b"LIST", b"INFOISFT\x05\x00\x00\x00odd\x00\x00")],
    )
    info = af.inspect(write(tmp_path, "ext.wav", content))
    assert info["encoding"] == "PCM" and info["sample_rate"] == 16000 and info["duration"] == pytest.approx(5.0)


def test_a_short_file_passes_but_is_marked(tmp_path):
    assert af.inspect(write(tmp_path, "short.wav", pcm_wav(seconds=1)))["short"] is True


def test_wma_is_checked_by_its_asf_header_only(tmp_path):
    info = af.inspect(write(tmp_path, "closed.WMA", asf_wma()))
    assert info["media_type"] == "WMA" and info["duration"] is None
    with pytest.raises(
        af.AudioFileError, match=r"fake\.wma: named \.wma but it is not a WMA file: it looks like a WAV"
    ):
        af.inspect(write(tmp_path, "fake.wma", pcm_wav()))


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("song.wav", MP3_BYTES, r"song\.wav: named \.wav but it is not a WAV file: it looks like an MP3 file"),
        (
            "stereo.wav",
            pcm_wav(seconds=1, rate=44100, channels=2),
            r"stereo\.wav: .*stereo \(2 channels\); it must be mono; sample rate 44100 Hz \(44\.1 kHz\); it must be 8 or 16 kHz",
        ),
        (
            "deep.wav",
            riff_wav(format_tag=WAVE_FORMAT_PCM, bits=24, data_bytes=24000),
            r"deep\.wav: .*24 bits per sample",
        ),
        ("float.wav", riff_wav(format_tag=3, bits=16, data_bytes=16000), r"float\.wav: .*encoding format 3"),
        (
            "long.wav",
            riff_wav(format_tag=WAVE_FORMAT_MULAW, data_bytes=8000 * 301),
            r"long\.wav: .*301\.0 seconds long; "
            r"an auto attendant greeting may be at most 5 minutes",
        ),
        ("empty.wav", b"", r"empty\.wav: the file is empty"),
        (
            "no-fmt.wav",
            b"RIFF\x04\x00\x00\x00WAVE",
            r"no-fmt\.wav: named \.wav but its WAV header has no complete fmt chunk",
        ),
        ("greeting.mp3", MP3_BYTES, r"greeting\.mp3: the file name must end in \.wav or \.wma"),
        ("x" * 77 + ".wav", pcm_wav(), r"the file name is 81 characters; the repository allows 80"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path, name, content, message):
    with pytest.raises(af.AudioFileError, match=message):
        af.inspect(write(tmp_path, name, content))


def test_over_five_megabytes_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.wav"
    with open(path, "wb") as handle:
        handle.write(riff_wav(data_bytes=0))
        handle.truncate(af.MAX_FILE_BYTES + 1)
    with pytest.raises(af.AudioFileError, match=r"big\.wav: 5\.0 MB \(5242881 bytes\); .* at most 5 MB a file"):
        af.inspect(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(af.AudioFileError, match=r"nothing\.wav: no such file"):
        af.inspect(str(tmp_path / "nothing.wav"))
    (tmp_path / "dir.wav").mkdir()
    with pytest.raises(af.AudioFileError, match=r"dir\.wav: not a regular file"):
        af.inspect(str(tmp_path / "dir.wav"))


def test_size_candidates_cover_both_roundings():
    assert af.size_kb_candidates(1024) == ["1"]
    assert af.size_kb_candidates(1500) == ["1", "2"]


# -- exact messages and results (a user reads the message; the module returns the description) ---------------------


def fmt_chunk(format_tag=WAVE_FORMAT_PCM, channels=1, rate=8000, byte_rate=16000, block_align=2, bits=16, extra=b""):
    return struct.pack("<HHIIHH", format_tag, channels, rate, byte_rate, block_align, bits) + extra


def wav_with(fmt, data_bytes=0, declared=None):
    """A WAV file with the fmt payload FMT and DATA_BYTES of audio (DECLARED: the data size its header states)."""
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt + (b"\x00" if len(fmt) % 2 else b"")
    chunks += b"data" + struct.pack("<I", data_bytes if declared is None else declared) + b"\x01" * data_bytes
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks


def refused(path):
    with pytest.raises(af.AudioFileError) as raised:
        af.inspect(path)
    return str(raised.value)


def test_the_description_of_a_good_wav_file(tmp_path):
    path = write(tmp_path, "Greeting.wav", pcm_wav(seconds=5))
    assert af.inspect(path) == {
        "path": path,
        "file_name": "Greeting.wav",
        "media_type": "WAV",
        "size": 80044,
        "encoding": "PCM",
        "channels": 1,
        "sample_rate": 8000,
        "bits": 16,
        "duration": 5.0,
        "short": False,
    }


def test_the_description_of_a_wma_file(tmp_path):
    path = write(tmp_path, "closed.wma", asf_wma(size=3000))
    assert af.inspect(path) == {
        "path": path,
        "file_name": "closed.wma",
        "media_type": "WMA",
        "size": 3000,
        "encoding": None,
        "channels": None,
        "sample_rate": None,
        "bits": None,
        "duration": None,
        "short": False,
    }


def test_every_refusal_message_in_full(tmp_path):
    missing = str(tmp_path / "nothing.wav")
    assert refused(missing) == "%s: no such file" % missing
    (tmp_path / "dir.wav").mkdir()
    assert refused(str(tmp_path / "dir.wav")) == "%s: not a regular file" % (tmp_path / "dir.wav")
    mp3 = write(tmp_path, "song.mp3", MP3_BYTES)
    assert refused(mp3) == (
        "%s: the file name must end in .wav or .wma (the types the announcement repository accepts)" % mp3
    )
    long_name = write(tmp_path, "x" * 77 + ".wav", pcm_wav())
    assert refused(long_name) == "%s: the file name is 81 characters; the repository allows 80" % long_name
    empty = write(tmp_path, "empty.wav", b"")
    assert refused(empty) == "%s: the file is empty" % empty
    wma = write(tmp_path, "fake.wma", pcm_wav())
    assert refused(wma) == "%s: named .wma but it is not a WMA file: it looks like a WAV file" % wma
    wav = write(tmp_path, "song.wav", MP3_BYTES)
    assert refused(wav) == "%s: named .wav but it is not a WAV file: it looks like an MP3 file" % wav
    no_fmt = write(tmp_path, "no-fmt.wav", b"RIFF\x04\x00\x00\x00WAVE")
    assert (
        refused(no_fmt) == "%s: named .wav but its WAV header has no complete fmt chunk before the audio data" % no_fmt
    )
    short_fmt = write(tmp_path, "short-fmt.wav", wav_with(fmt_chunk()[:14], 100))
    assert refused(short_fmt) == (
        "%s: named .wav but its WAV header has no complete fmt chunk before the audio data" % short_fmt
    )
    no_data = write(tmp_path, "no-data.wav", wav_with(fmt_chunk())[:-8])
    assert refused(no_data) == "%s: named .wav but its WAV header has no data chunk" % no_data
    bad = write(tmp_path, "bad.wav", riff_wav(format_tag=3, channels=2, rate=22050, bits=24, data_bytes=6000))
    assert refused(bad) == (
        "%s: the announcement repository does not accept this WAV file: encoding format 3 (PCM, u-law or A-law are "
        "accepted); stereo (2 channels); it must be mono; sample rate 22050 Hz (22.05 kHz); it must be 8 or 16 kHz; "
        "24 bits per sample; it must be 8 or 16" % bad
    )
    long_wav = write(tmp_path, "long.wav", riff_wav(data_bytes=8000 * 300 + 800))
    assert refused(long_wav) == (
        "%s: the announcement repository does not accept this WAV file: 300.1 seconds long; an auto attendant "
        "greeting may be at most 5 minutes" % long_wav
    )


def test_the_limits_are_inclusive(tmp_path):
    assert af.inspect(write(tmp_path, "x" * 76 + ".wav", pcm_wav()))["file_name"] == "x" * 76 + ".wav"
    assert af.inspect(write(tmp_path, "five-minutes.wav", riff_wav(data_bytes=8000 * 300)))["duration"] == 300.0
    assert af.inspect(write(tmp_path, "five.wav", riff_wav(data_bytes=8000 * 5)))["short"] is False
    assert af.inspect(write(tmp_path, "almost.wav", riff_wav(data_bytes=8000 * 5 - 1)))["short"] is True
    path = tmp_path / "max.wav"
    with open(path, "wb") as handle:
        handle.write(riff_wav(data_bytes=0))
        handle.truncate(af.MAX_FILE_BYTES)
    assert af.inspect(str(path))["size"] == af.MAX_FILE_BYTES


def test_max_seconds_is_the_caller_s(tmp_path):
    path = write(tmp_path, "long.wav", riff_wav(data_bytes=8000 * 301))
    assert af.inspect(path, max_seconds=None)["duration"] == 301.0
    assert af.inspect(path, max_seconds=0)["duration"] == 301.0
    assert af.inspect(path, max_seconds=302)["duration"] == 301.0
    assert refused_with(path, 120).endswith(": 301.0 seconds long; an auto attendant greeting may be at most 2 minutes")


def refused_with(path, max_seconds):
    with pytest.raises(af.AudioFileError) as raised:
        af.inspect(path, max_seconds=max_seconds)
    return str(raised.value)


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"ID3\x04", "an MP3 file"),
        (b"\xff\xfb", "an MP3 file"),
        (b"\xff\xe0\x00", "an MP3 file"),
        (b"\xff\xd0\x00", "no audio format the repository accepts"),
        (b"\xfe\xfb\x00", "no audio format the repository accepts"),
        (b"\xff", "no audio format the repository accepts"),
        (b"RIFF\x00\x00\x00\x00WAVE", "a WAV file"),
        (b"RIFF\x00\x00\x00\x00AVI ", "no audio format the repository accepts"),
        (bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c") + bytes(8), "a WMA (ASF) file"),
        (b"OggS\x00", "an Ogg file"),
        (b"fLaC\x00", "a FLAC file"),
        (b"RIFX\x00\x00\x00\x00WAVE", "a big-endian WAV (RIFX) file"),
        (b"\x00\x00\x00\x20ftypM4A ", "an MP4/M4A file"),
        (b"", "no audio format the repository accepts"),
    ],
)
def test_what_a_file_looks_like(head, kind):
    assert af._what_it_looks_like(head) == kind  # pylint: disable=protected-access


@pytest.mark.parametrize(
    "info, problems",
    [
        ({"format_tag": 1, "encoding": "PCM", "channels": 1, "sample_rate": 16000, "bits": 8}, []),
        (
            {"format_tag": 85, "encoding": "format 85", "channels": 3, "sample_rate": 48000, "bits": 32},
            [
                "encoding format 85 (PCM, u-law or A-law are accepted)",
                "multichannel (3 channels); it must be mono",
                "sample rate 48000 Hz (48 kHz); it must be 8 or 16 kHz",
                "32 bits per sample; it must be 8 or 16",
            ],
        ),
        (
            {"format_tag": 7, "encoding": "u-law", "channels": 1, "sample_rate": 11025, "bits": 8},
            ["sample rate 11025 Hz (11.025 kHz); it must be 8 or 16 kHz"],
        ),
        (
            {"format_tag": 6, "encoding": "A-law", "channels": 1, "sample_rate": 44100, "bits": 8},
            ["sample rate 44100 Hz (44.1 kHz); it must be 8 or 16 kHz"],
        ),
    ],
)
def test_wav_problems_in_full(info, problems):
    assert af.wav_problems(info) == problems


def test_parse_wav_reads_what_the_header_says():
    content = wav_with(fmt_chunk(format_tag=WAVE_FORMAT_ALAW, byte_rate=8000, block_align=1, bits=8), 4000)
    assert af.parse_wav(content, len(content)) == {
        "encoding": "A-law",
        "format_tag": WAVE_FORMAT_ALAW,
        "channels": 1,
        "sample_rate": 8000,
        "bits": 8,
        "duration": 0.5,
    }


def test_a_byte_rate_of_zero_is_worked_out_from_rate_and_block_align():
    content = wav_with(fmt_chunk(byte_rate=0, block_align=2), 8000)
    assert af.parse_wav(content, len(content))["duration"] == 0.5
    silent = wav_with(fmt_chunk(rate=0, byte_rate=0, block_align=2), 8000)
    assert af.parse_wav(silent, len(silent))["duration"] == 0.0


def test_a_truncated_file_counts_the_audio_that_is_there():
    content = wav_with(fmt_chunk(), 4000, declared=80000)
    assert af.parse_wav(content, len(content))["duration"] == 0.25
    header_only = wav_with(fmt_chunk(), 0, declared=80000)
    assert af.parse_wav(header_only, len(header_only))["duration"] == 0.0
    # HEAD is only the first bytes of a larger file: the size on disk counts.
    assert af.parse_wav(header_only, len(header_only) + 8000)["duration"] == 0.5


def test_a_data_chunk_right_at_the_end_of_the_head_is_found():
    content = wav_with(fmt_chunk(), 0)
    assert af.parse_wav(content, len(content))["duration"] == 0.0


def test_the_smallest_extensible_fmt_chunk_names_its_real_format():
    extensible = struct.pack("<HHI", 8, 16, 0x4) + struct.pack("<H", WAVE_FORMAT_MULAW)
    content = wav_with(fmt_chunk(format_tag=0xFFFE, byte_rate=8000, block_align=1, bits=8, extra=extensible), 800)
    assert af.parse_wav(content, len(content))["encoding"] == "u-law"
    cut = wav_with(fmt_chunk(format_tag=0xFFFE, byte_rate=8000, block_align=1, bits=8, extra=extensible[:-1]), 800)
    assert af.parse_wav(cut, len(cut))["encoding"] == "format 65534"


def test_chunks_are_walked_with_their_padding():
    odd = b"LIST" + struct.pack("<I", 3) + b"abc\x00"
    content = b"RIFF\x00\x00\x00\x00WAVE" + odd + b"data" + struct.pack("<I", 2) + b"\x01\x02"
    assert list(af._chunks(content)) == [(b"LIST", 20, 3), (b"data", 32, 2)]  # pylint: disable=protected-access
    assert list(af._chunks(content[:-2])) == [(b"LIST", 20, 3), (b"data", 32, 2)]  # pylint: disable=protected-access
    assert list(af._chunks(content[:31])) == [(b"LIST", 20, 3)]  # pylint: disable=protected-access


@pytest.mark.parametrize(
    "name, media_type", [("a.wav", "WAV"), ("A.WAV", "WAV"), ("b.Wma", "WMA"), ("c.mp3", None), ("wav", None)]
)
def test_media_type_for(name, media_type):
    assert af.media_type_for(name) == media_type


def test_size_candidates_are_the_two_neighbours():
    assert af.size_kb_candidates(2048) == ["2"]
    assert af.size_kb_candidates(2049) == ["2", "3"]
    assert af.size_kb_candidates(3071) == ["2", "3"]
    assert af.size_kb_candidates(9 * 1024 + 512) == ["9", "10"]  # by number, not as text
    assert af.size_kb_candidates(1) == ["0", "1"]


def test_a_streaming_writer_s_placeholder_data_size_counts_what_is_there():
    content = wav_with(fmt_chunk(), 8000, declared=0xFFFFFFFF)
    assert af.parse_wav(content, len(content))["duration"] == 0.5


def test_a_riff_file_that_is_not_wave_is_not_a_wav_file(tmp_path):
    path = write(tmp_path, "video.wav", b"RIFF\x00\x10\x00\x00AVI " + fmt_chunk())
    assert refused(path) == (
        "%s: named .wav but it is not a WAV file: it looks like no audio format the repository accepts" % path
    )


def test_only_the_extensible_format_reads_a_sub_format():
    """A plain fmt chunk with 10 extra bytes: bytes 24-26 are not a sub-format there."""
    extra = struct.pack("<H", 8) + bytes(6) + struct.pack("<H", 3)
    content = wav_with(fmt_chunk(extra=extra), 800)
    assert af.parse_wav(content, len(content))["encoding"] == "PCM"
    development = struct.pack("<HHI", 22, 16, 0x4) + struct.pack("<H", 0xFFFF) + bytes(14)
    content = wav_with(fmt_chunk(format_tag=0xFFFE, extra=development), 800)
    assert af.parse_wav(content, len(content))["format_tag"] == 0xFFFF


def test_an_fmt_chunk_behind_64_kb_of_metadata_is_not_looked_for(tmp_path):
    metadata = b"LIST" + struct.pack("<I", 70000) + bytes(70000)
    chunks = metadata + b"fmt " + struct.pack("<I", 16) + fmt_chunk() + b"data" + struct.pack("<I", 8000) + bytes(8000)
    path = write(tmp_path, "tagged.wav", b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks)
    assert refused(path) == ("%s: named .wav but its WAV header has no complete fmt chunk before the audio data" % path)


def test_the_size_in_megabytes_is_rounded_to_a_tenth(tmp_path):
    path = tmp_path / "big.wav"
    with open(path, "wb") as handle:
        handle.write(riff_wav(data_bytes=0))
        handle.truncate(5295309)  # 5.0500002 MB
    assert refused(str(path)) == (
        "%s: 5.1 MB (5295309 bytes); the announcement repository takes at most 5 MB a file" % path
    )


@pytest.mark.parametrize(
    "local, stored",
    [
        ('a "b" \\c\td.wav', "a _b_ _c_d.wav"),  # quote, backslash and a control character: an underscore each
        ("Café Zürich – ☎ two  spaces.wav", "Café Zürich – ☎ two  spaces.wav"),  # unicode and spaces are kept
        ("100%.wav", "100%.wav"),
    ],
)
def test_the_name_a_local_file_is_stored_under(local, stored):
    assert af.stored_file_name(local) == stored
