//! `smm sandbox`: run the built-in panel until Ctrl-C.

use crate::cli::SandboxArgs;
use crate::cli::settings::Settings;
use crate::config::add::{KeySource, NewProfile};
use crate::config::secret::Secret;
use crate::exit::{Exit, usage};
use crate::output::print_line;
use crate::sandbox::{Fault, FaultWhen, Flavor, Options};
use std::time::Duration;

/// Starts the sandbox, adds its profile to the config file (`--add-profile`) or prints it to
/// paste, and serves until Ctrl-C.
pub fn run(args: &SandboxArgs, settings: &Settings) -> anyhow::Result<Exit> {
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
        verbose: settings.verbose,
        flavor: args.flavor,
        ids: Some(crate::sandbox::ids::IdFile::in_data_dir()?),
        fresh: args.fresh,
    })?;
    let url = sandbox.v2_url();
    let key = &args.key;
    let added = match &args.add_profile {
        None => None,
        Some(name) => match add_profile(settings, name, &url, key) {
            Ok(text) => Some(text),
            Err(e) => {
                sandbox.stop();
                return Err(e);
            }
        },
    };
    let v2 = match &added {
        Some(text) => format!(
            "{text}\n\nProfiles for the two other APIs it serves, to paste into your config file if you want them:"
        ),
        None => format!(
            "Paste these profiles into your config file (`smm config path` shows where; `smm sandbox \
             --add-profile` adds the first for you), then run `smm -p sandbox balance`:\n\
             \n\
             [profiles.sandbox]\n\
             url = \"{url}\"\n\
             key = \"{key}\""
        ),
    };
    print_line(&format!(
        "smm sandbox panel listening on {url}\n\
         key \"{key}\", balance {} USD, {} services{}; orders 23491-23500 exist already, new ones start at {}.\n\
         \n\
         {v2}\n\
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
        ids_note(sandbox.next_order()),
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

/// Where new order ids start, and why when it is not 23501.
fn ids_note(next: u64) -> String {
    if next == crate::sandbox::v2::FIRST_ORDER {
        next.to_string()
    } else {
        format!("{next} (after the ids earlier sandboxes gave; --fresh begins at 23501 again)")
    }
}

/// How the banner names a flavour other than the standard one.
fn flavor_note(flavor: Flavor) -> String {
    match flavor {
        Flavor::Standard => String::new(),
        Flavor::Smartpanel => ", answering like SmartPanel-style panels".into(),
        Flavor::Ownsmm => ", answering like OwnSMM-style panels".into(),
    }
}

/// Adds the sandbox's v2 profile `name` to the config file through `config add`'s code. A
/// profile of that name on this machine (an earlier sandbox, say on another port) is replaced;
/// one pointing elsewhere is refused (exit 2).
fn add_profile(settings: &Settings, name: &str, url: &str, key: &str) -> anyhow::Result<String> {
    let path = crate::config::locate(settings.config.as_deref())?;
    let existing = crate::config::load(&path)
        .ok()
        .and_then(|config| config.file.profiles.get(name).map(|def| def.url.clone()));
    let local = existing
        .as_deref()
        .and_then(|u| reqwest::Url::parse(u).ok())
        .is_some_and(|u| crate::config::is_loopback(&u));
    if let (Some(elsewhere), false) = (&existing, local) {
        return Err(usage(format!(
            "profile '{name}' in {} points at {}, not at this machine: pick another name \
             (--add-profile NAME); the sandbox did not start",
            path.display(),
            crate::config::display_url(elsewhere)
        )));
    }
    let profile = NewProfile {
        name: name.to_string(),
        url: url.to_string(),
        api: crate::config::Api::V2,
        key: KeySource::Key(Secret::new(key)),
        allow_http: false,
    };
    let added = crate::config::add::add(&path, &profile, local, false)?;
    Ok(match added {
        Ok(added) => added.message(&profile),
        Err(_) => format!(
            "Profile '{name}' in {} points at this sandbox already.\nTry it: smm -p {name} balance",
            path.display()
        ),
    })
}
