import SIPTransport
import Testing
