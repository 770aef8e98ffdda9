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
