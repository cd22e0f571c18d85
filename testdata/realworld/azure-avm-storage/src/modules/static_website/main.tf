# Static website is enabled by patching the blobServices/default sub-resource.
# We use azapi_update_resource so we don't try to manage the entire blobServices
# object — only the staticWebsite property.
resource "azapi_update_resource" "this" {
  resource_id = "${var.storage_account_id}/blobServices/default"
  type        = var.resource_type
  body = {
    properties = {
      staticWebsite = {
        enabled              = true
        indexDocument        = var.index_document
        errorDocument404Path = var.error_404_document
      }
    }
  }
  retry        = var.retry
  read_headers = local.tracing_headers
  # Export the patched property so the read-back is anchored on staticWebsite
  # rather than the whole blob service response.
  response_export_values = ["properties.staticWebsite"]
  update_headers         = local.tracing_headers

  dynamic "timeouts" {
    for_each = var.timeouts == null ? [] : [var.timeouts]

    content {
      create = timeouts.value.create
      read   = timeouts.value.read
      update = timeouts.value.update
    }
  }
}
