use clap::Parser;

fn main() {
    let cli = entente::cli::Cli::parse();
    std::process::exit(entente::cli::run(cli));
}
