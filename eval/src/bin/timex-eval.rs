//! Scores the timex tagger on TimeML data: `timex-eval DIR [--errors N] [--folder NAME]`.
//! In: a folder of `.tml` files or of such folders. Out: a score table on stdout.

fn main() {
    std::process::exit(entente_eval::timeml::main_with_args(std::env::args()));
}
