import SIPSyntax

/// libFuzzer entry point for the SIP parser; built and run by scripts/fuzz.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = SIPHeaders.splitList(String(decoding: bytes, as: UTF8.self))
    return 0
}
