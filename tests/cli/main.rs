//! The integration tests, compiled as one binary (so `cargo test` links once): each module
//! drives the built `smm` against local panels on 127.0.0.1.

mod common;
mod hostile_panel;

mod alerts;
mod all_panels;
mod amounts;
mod batches;
mod book;
mod bulk;
mod commands;
mod completions;
mod config;
mod docs;
mod flavors;
mod formats;
mod golden;
mod hardening;
mod help;
mod hostile;
mod mcp;
mod never_backwards;
mod newuser;
mod onboarding;
mod refills;
mod routes;
mod safety;
mod sandbox;
mod streamdetails;
mod sync;
mod team_book;
mod test_panel;
mod tls;
mod useapi;
mod watch;
