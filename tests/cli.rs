//! CLI contract: every command and error path as data in `tests/cmd/<case>.toml`, run
//! against a copy of `<case>.in/` (expected files in `<case>.out/`). Regenerate expected
//! output after an intended change with `TRYCMD=overwrite cargo test --test cli`, then
//! review the diff.

#[test]
fn cli_contract() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
