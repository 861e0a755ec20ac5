//! Whole-CLI snapshot tests: every case in `tests/cmd/` runs the real binary on a
//! fixture folder and compares its output and exit status. `TRYCMD=overwrite cargo test
//! --test cli` rewrites the snapshots; review the diff before committing.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
