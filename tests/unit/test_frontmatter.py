import pytest
from portal_content import frontmatter


def test_splits_yaml_and_body_and_keeps_lines():
    doc = frontmatter.parse_text("---\ntitle: A\ntags:\n  - x\n  - y\nimage:\n  src: a.jpg\n---\nBody\n")
    assert doc.data == {"title": "A", "tags": ["x", "y"], "image": {"src": "a.jpg"}}
    assert doc.body == "Body\n"
    assert doc.body_line == 9
    assert doc.line_for(("title",)) == 2
    assert doc.line_for(("tags", 1)) == 5
    assert doc.line_for(("image", "src")) == 7
    # a missing nested key points at its parent
    assert doc.line_for(("image", "alt")) == 6


def test_missing_opening_delimiter():
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_text("title: A\n")
    assert error.value.line == 1
    assert "'---'" in error.value.message


def test_missing_closing_delimiter():
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_text("---\ntitle: A\n")
    assert "zamykającej" in error.value.message


def test_yaml_error_names_the_line():
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_text("---\ntitle: A\nsummary: x: y\n---\n")
    assert error.value.line == 3


def test_non_mapping_is_rejected():
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.parse_text("---\n- a\n- b\n---\n")


def error_of(text: str) -> frontmatter.FrontMatterError:
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_text(text)
    return error.value


def test_a_key_written_twice_names_both_lines():
    error = error_of("---\ntitle: A\nimage:\n  src: a.jpg\n  src: b.jpg\ntitle: B\n---\n")
    assert (error.line, error.message) == (
        5,
        "pole 'src' jest wpisane drugi raz (pierwszy raz w linii 4); zostaw jedno",
    )


def test_an_alias_bomb_is_refused_at_once_with_little_memory():
    import resource
    import time

    levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    error = error_of("---\n" + "\n".join(levels) + "\n---\n")
    assert "kotwicę" in error.message and error.line == 2
    # CPU time of this process, not wall-clock: 9^9 values would take minutes and gigabytes
    assert time.process_time() - started < 0.5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB
    assert "odwołanie (alias)" in error_of("---\ntitle: *a\n---\n").message


def test_deep_nesting_is_a_message_not_a_crash():
    for text in (
        "a: " + "[" * 50_000 + "]" * 50_000,
        "a:\n" + "- " * 50_000 + "x",
        "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 40)),
    ):
        assert "za głębokie zagnieżdżenie" in error_of("---\n" + text + "\n---\n").message


def test_dates_stay_text_for_the_schemas():
    doc = frontmatter.parse_text("---\ndate: 2026-02-30\nstart: 2026-11-27 10:00+01:00\n---\n")
    assert doc.data == {"date": "2026-02-30", "start": "2026-11-27 10:00+01:00"}


def test_byte_order_mark_is_accepted_and_other_encodings_are_named(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\ntitle: Łódź\n---\nTreść\n".encode())
    assert frontmatter.parse_file(path).data == {"title": "Łódź"}
    path.write_bytes("---\ntitle: A\nsummary: Łódź\n---\n".encode("cp1250"))
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_file(path)
    assert error.value.line == 3 and "nie jest zapisany w UTF-8" in error.value.message
    path.write_bytes("---\ntitle: A\n---\n".encode("utf-16"))
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_file(path)
    assert "UTF-16" in error.value.message


def test_a_file_over_the_limit_is_not_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: A\n---\n" + b"x" * frontmatter.MAX_TEXT_BYTES)
    with pytest.raises(frontmatter.FrontMatterError) as error:
        frontmatter.parse_file(path)
    assert "może mieć najwyżej 1 MB" in error.value.message
