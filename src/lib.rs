//! smm: a fast, safe, scriptable client for SMM panel APIs — the library behind the binary.
//!
//! Data flows one way: `cli` (and its settings) and `config` (profile) → `panel` (one
//! interface, one file per dialect) → typed answer → `output` (tables, JSON, CSV). `commands`
//! wires these together; `order` is the panel's input; `book` the order book and the guarded
//! send. `sandbox` is the built-in simulated panel, with the HTTP server under it; `mcp` serves
//! smm to AI assistants over the Model Context Protocol.

#![warn(missing_docs)]

pub mod alerts;
pub mod book;
pub mod bulk;
pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod exit;
pub mod http;
pub mod ids;
pub mod input;
pub mod mcp;
pub mod money;
pub mod msg;
pub mod order;
pub mod output;
pub mod panel;
pub mod route;
pub mod sandbox;
pub mod text;
pub mod time;
