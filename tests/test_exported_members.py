"""The public API: ``__all__`` is sorted and names exactly what the package exports."""

import whymove


def test_all_is_sorted_and_complete():
    exported = [name for name in dir(whymove) if not name.startswith("_") or name == "__version__"]
    public = [name for name in exported if not _is_submodule(name)]
    assert whymove.__all__ == sorted(whymove.__all__)
    assert set(whymove.__all__) == set(public)


def test_analyze_is_the_library_call_not_a_module():
    assert callable(whymove.analyze)


def _is_submodule(name: str) -> bool:
    return type(getattr(whymove, name)).__name__ == "module"
