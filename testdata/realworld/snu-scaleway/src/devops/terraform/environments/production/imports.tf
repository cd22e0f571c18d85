# Project
import {
  to = scaleway_account_project.main
  id = "a0c93450-f68c-4768-8fe8-6e07a1644530"
}
# Secrets
import {
  to = scaleway_secret.production
  id = "fr-par/87d1df33-5dce-498e-9930-37f892c56776"
}
