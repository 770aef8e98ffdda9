"""The image pipeline: derivatives, cache by source hash, bad photos."""

import fcntl
import threading
from pathlib import Path

import pytest
from PIL import Image
from portal_images.checks import check_image
from portal_images.pipeline import SKIPPED, Pipeline, encode, encode_shared
from sitebuild import portal_settings


def photo(path: Path, size=(900, 600), colour=(30, 120, 200)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return path


@pytest.fixture
def settings(tmp_path):
    return portal_settings(
        PATH=str(tmp_path / "content"),
        SITEURL="",
        IMAGES_CACHE_PATH=str(tmp_path / "cache"),
        IMAGES_WIDTHS=[200, 400, 800],
        IMAGES_WORKERS=2,
    )


def test_derivatives_at_every_width_and_format(tmp_path, settings):
    source = photo(tmp_path / "content" / "a.jpg")
    pipeline = Pipeline(settings)
    info = pipeline.image(source)
    assert (info.width, info.height) == (900, 600)
    assert info.widths == [200, 400, 800]
    pipeline.run(tmp_path / "out")
    files = sorted(p.name for p in (tmp_path / "out" / "obrazy").iterdir())
    assert len(files) == 3 * 3 + 1  # 3 widths x (avif, webp, jpg) + placeholder css
    with Image.open(tmp_path / "out" / "obrazy" / info.url(400, "avif").rsplit("/", 1)[1]) as avif:
        assert avif.format == "AVIF"
        assert avif.size == (400, 267)
    assert (
        f".ph-{info.colour[1:]}{{background-color:{info.colour}}}"
        in (tmp_path / "out" / "obrazy" / "tla.css").read_text()
    )


def test_second_run_encodes_nothing_and_changed_photo_is_reencoded(tmp_path, settings):
    a = photo(tmp_path / "content" / "a.jpg")
    b = photo(tmp_path / "content" / "b.jpg", colour=(200, 50, 50))
    first = Pipeline(settings)
    first.image(a), first.image(b)
    first.run(tmp_path / "out1")
    assert first.encoded == 18

    second = Pipeline(settings)
    second.image(a), second.image(b)
    second.run(tmp_path / "out2")
    assert second.encoded == 0
    assert sorted(p.name for p in (tmp_path / "out1" / "obrazy").iterdir()) == sorted(
        p.name for p in (tmp_path / "out2" / "obrazy").iterdir()
    )

    photo(b, colour=(10, 200, 10))
    third = Pipeline(settings)
    old_key = second.image(b).key
    third.image(a)
    new = third.image(b)
    assert new.key != old_key
    third.run(tmp_path / "out3")
    assert third.encoded == 9  # only b


def test_copies_of_one_photo_are_encoded_once(tmp_path, settings):
    first = photo(tmp_path / "content" / "a.jpg")
    copy = tmp_path / "content" / "kopia.jpg"
    copy.write_bytes(first.read_bytes())
    pipeline = Pipeline(settings)
    a, b = pipeline.image(first), pipeline.image(copy)
    assert a.key == b.key and a.url(400, "webp") != b.url(400, "webp")
    pipeline.run(tmp_path / "out")
    assert pipeline.encoded == 9  # one photo's 3 widths x 3 formats, not two
    out = tmp_path / "out" / "obrazy"
    for info in (a, b):
        for _, name in info.output_names():
            assert (out / name).stat().st_size > 0


def test_a_photo_another_build_is_encoding_is_left_to_it_then_found_done(tmp_path, settings):
    """Builds at once share the cache's work: a photo whose lock another process holds is
    skipped on the first pass, waited for on the second, and not encoded again."""
    source = photo(tmp_path / "content" / "a.jpg")
    pipeline = Pipeline(settings)
    info = pipeline.image(source)
    folder = tmp_path / "cache" / info.key
    task = (str(source), str(folder / "variants"), [(200, "webp")], settings["IMAGES_QUALITY"], 9)
    with open(folder / "encoding.lock", "w") as other_build:
        fcntl.flock(other_build, fcntl.LOCK_EX)
        assert encode_shared(*task, False) == SKIPPED
        assert not (folder / "variants").exists()
    assert encode_shared(*task, True) == 1
    assert encode_shared(*task, True) == 0  # done: not again

    # the whole pipeline, while another build holds b's lock and encodes b
    second = photo(tmp_path / "content" / "b.jpg", colour=(200, 50, 50))
    pipeline = Pipeline(settings)
    pipeline.image(source)
    held = pipeline.image(second)
    variants = [(v.width, v.fmt) for v, _ in held.output_names()]
    lock = open(tmp_path / "cache" / held.key / "encoding.lock", "w")  # noqa: SIM115 - closed by the other build
    fcntl.flock(lock, fcntl.LOCK_EX)

    def the_other_build() -> None:
        encode(
            str(second),
            str(tmp_path / "cache" / held.key / "variants"),
            variants,
            settings["IMAGES_QUALITY"],
            9,
        )
        lock.close()

    other = threading.Timer(0.5, the_other_build)
    other.start()
    pipeline.run(
        tmp_path / "out"
    )  # a now (one variant of it was there: redone whole), b after the other build
    other.join()
    assert pipeline.encoded == 9  # a's 3 widths x 3 formats; b not again
    assert {name for _, name in held.output_names()} <= {
        p.name for p in (tmp_path / "out" / "obrazy").iterdir()
    }


def test_exif_rotation_swaps_dimensions(tmp_path, settings):
    path = tmp_path / "content" / "r.jpg"
    path.parent.mkdir(parents=True)
    image = Image.new("RGB", (900, 600), (1, 2, 3))
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90 CW when displayed
    image.save(path, "JPEG", exif=exif)
    info = Pipeline(settings).image(path)
    assert (info.width, info.height) == (600, 900)


def test_smaller_source_gets_only_smaller_widths(tmp_path, settings):
    info = Pipeline(settings).image(photo(tmp_path / "content" / "s.jpg", size=(500, 300)))
    assert info.widths == [200, 400]


def test_check_missing_file(tmp_path, settings):
    message = check_image(tmp_path / "content" / "nope.jpg", settings)
    assert message.startswith("nie ma pliku zdjęcia")


def test_check_corrupt_file(tmp_path, settings):
    path = tmp_path / "bad.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    assert check_image(path, settings).startswith("plik nie jest czytelnym zdjęciem")


def test_check_truncated_jpeg(tmp_path, settings):
    path = photo(tmp_path / "t.jpg", size=(1200, 800))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert check_image(path, settings).startswith("plik nie jest czytelnym zdjęciem")


def test_make_check_reads_headers_and_the_build_still_finds_a_truncated_photo(tmp_path, settings):
    """`make check` opens the header only (on a fresh clone decoding every photo took most of
    its time); the build decodes, and a header-only pass does not count for it."""
    from portal_images import checks

    path = photo(tmp_path / "t.jpg", size=(1200, 800))
    path.write_bytes(path.read_bytes()[:5000])
    small = photo(tmp_path / "small.jpg", size=(150, 100))
    with checks.headers_only():
        assert check_image(path, settings) is None
        assert check_image(small, settings).startswith("zdjęcie ma tylko 150 px")  # the header tells
        assert checks.passed_key(path, settings).endswith(checks.HEADER_ONLY)
    assert checks.check_key(path, settings) + checks.HEADER_ONLY in checks.remembered_passes(settings)
    assert check_image(path, settings).startswith("plik nie jest czytelnym zdjęciem")
    with checks.headers_only():
        assert check_image(path, settings) is None  # remembered: not opened again


def test_check_too_small(tmp_path, settings):
    path = photo(tmp_path / "small.jpg", size=(150, 100))
    assert check_image(path, settings) == (
        "zdjęcie ma tylko 150 px szerokości, a potrzeba co najmniej 200 px; użyj większego zdjęcia (najlepiej 1600–2400 px)"
    )


def test_check_decompression_bomb(tmp_path, settings):
    path = tmp_path / "bomb.png"
    Image.new("1", (8000, 6000)).save(path)  # 48 Mpx, a few KB on disk
    assert check_image(path, settings).startswith("zdjęcie jest za duże (ponad 40 mln pikseli)")


def test_check_good_photo(tmp_path, settings):
    assert check_image(photo(tmp_path / "ok.jpg"), settings) is None
