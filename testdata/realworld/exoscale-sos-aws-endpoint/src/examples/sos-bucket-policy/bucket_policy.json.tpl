{
  "default-service-strategy": "allow",
  "services": {
    "sos": {
      "type": "allow"
    }
  }
}
