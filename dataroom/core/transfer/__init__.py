"""Transfer between parties: encrypted signed packets, signed PDF receipts, destruction certificates, verification."""
