# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# A team running this VM for restricted data tags it, as Cloud Temple's own
# resource examples tag their VMs (tags = { environment = ... }).
resource "cloudtemple_compute_iaas_opensource_virtual_machine" "ubuntu" {
  tags = {
    classification = "diffusion-restreinte"
  }
}
