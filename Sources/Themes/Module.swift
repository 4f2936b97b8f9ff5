// The Themes module: TOML theme files naming UI roles.
