//! smm: a fast, safe, scriptable client for SMM panel APIs — the library behind the binary.
//!
//! Data flows one way: `cli` → `settings` and `config` (profile) → `panel` (one interface,
//! one file per dialect) → typed answer → `output` (tables, JSON, CSV). `commands` wires these
//! together. `sandbox` is the built-in simulated panel; `serve` the HTTP server under it.

#![warn(missing_docs)]

pub mod book;
pub mod bulk;
pub mod cache;
pub mod catalogue;
pub mod cli;
pub mod commands;
pub mod config;
pub mod config_add;
pub mod exit;
pub mod help;
pub mod http;
pub mod ids;
pub mod input;
pub mod journal;
pub mod mcp;
pub mod money;
pub mod msg;
pub mod order;
pub mod output;
pub mod panel;
pub mod private;
pub mod sandbox;
pub mod secret;
pub mod serve;
pub mod settings;
pub mod text;
pub mod time;
pub mod usage;
