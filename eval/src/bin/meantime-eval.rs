//! Scores the timex tagger on MEANTIME (NewsReader CAT XML):
//! `meantime-eval MEANTIME_DIR [--timeml DIR] [--errors N] [--folder NAME] [--dump DOC]`.
//! Out: a score table on stdout (the TimeML folders first when `--timeml` is given).

fn main() {
    std::process::exit(entente_eval::meantime::main_with_args(std::env::args()));
}
