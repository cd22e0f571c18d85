variable "region" {
    default = "gra"
}
