import PhoneEngine

/// The engine's call identifier, under a name that does not clash with TerminalUI's `CallID`
/// (the module and its actor are both called PhoneEngine, so `PhoneEngine.CallID` cannot name it).
public typealias EngineCallID = CallID
