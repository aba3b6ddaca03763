package io.osmigrate.cli;

/** How a listing command prints: aligned text for a person, JSON or CSV for a program or a spreadsheet. */
enum OutputFormat {
    TEXT, JSON, CSV
}
