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
