import PhoneEngine

/// The engine's registration step under a name of its own: `PhoneEngine.RegistrationStep`
/// cannot be written (the module and its actor share the name) and TerminalUI has a type of
/// the same name for its timeline rows.
public typealias EngineRegistrationStep = RegistrationStep
