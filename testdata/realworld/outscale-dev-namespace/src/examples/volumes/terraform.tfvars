#access_key_id       = "MyAccessKey"
#secret_key_id       = "MySecretKey"
#region              = "eu-west-2"

volume_type     = "io1"
volume_iops     = 10000
volume_size_gib = 200
