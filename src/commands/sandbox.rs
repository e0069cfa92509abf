//! `smm sandbox`: run the built-in panel until Ctrl-C.

use crate::cli::SandboxArgs;
use crate::exit::{Exit, usage};
use crate::output::print_line;
use crate::sandbox::{Fault, FaultWhen, Flavor, Options};
use std::time::Duration;

/// Starts the sandbox, prints its URL and a ready-to-paste profile, and serves until Ctrl-C.
pub fn run(args: &SandboxArgs, verbose: bool) -> anyhow::Result<Exit> {
    if !(args.speed > 0.0 && args.speed.is_finite()) {
        return Err(usage("--speed must be more than 0"));
    }
    let fault = args.fault.map(|kind| Fault {
        kind,
        when: match (args.fault_first, args.fault_ratio) {
            (Some(n), _) => FaultWhen::First(n),
            (None, Some(r)) => FaultWhen::Ratio(r),
            (None, None) => FaultWhen::Always,
        },
        retry_after: args.retry_after,
        slow: Duration::from_millis(args.slow_ms),
    });
    let sandbox = crate::sandbox::start(Options {
        port: args.port,
        latency: Duration::from_millis(args.latency_ms),
        services: args.services,
        key: args.key.clone(),
        balance: args.balance,
        speed: args.speed,
        fault,
        verbose,
        flavor: args.flavor,
    })?;
    let url = sandbox.v2_url();
    let key = &args.key;
    print_line(&format!(
        "smm sandbox panel listening on {url}\n\
         key \"{key}\", balance {} USD, {} services{}; orders 23491-23500 exist already, new ones start at 23501.\n\
         \n\
         Paste these profiles into your config file (`smm config path` shows where), then run `smm -p sandbox balance`:\n\
         \n\
         [profiles.sandbox]\n\
         url = \"{url}\"\n\
         key = \"{key}\"\n\
         \n\
         [profiles.sandbox-streamdetails]\n\
         api = \"streamdetails\"\n\
         url = \"{}\"\n\
         key = \"{key}\"\n\
         \n\
         [profiles.sandbox-useapi]\n\
         api = \"useapi\"\n\
         url = \"{}\"\n\
         key = \"{key}\"\n\
         \n\
         Press Ctrl-C to stop.",
        args.balance,
        args.services + 2 + usize::from(args.flavor.placeholder().is_some()),
        flavor_note(args.flavor),
        sandbox.streamdetails_url(),
        sandbox.useapi_url(),
    ))?;
    let (tx, rx) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })?;
    let _ = rx.recv();
    crate::msg::note("sandbox stopped");
    sandbox.stop();
    Ok(Exit::Success)
}

/// How the banner names a flavour other than the standard one.
fn flavor_note(flavor: Flavor) -> String {
    match flavor {
        Flavor::Standard => String::new(),
        Flavor::Smartpanel => ", answering like SmartPanel-style panels".into(),
        Flavor::Ownsmm => ", answering like OwnSMM-style panels".into(),
    }
}
