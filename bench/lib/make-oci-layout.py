#!/usr/bin/env python3
"""Writes an OCI image layout with LAYERS gzip layers of MB_PER_LAYER MiB of random bytes each (incompressible,
so the compressed size is the transfer size). Usage: make-oci-layout.py DIR LAYERS MB_PER_LAYER TAG"""
import gzip, hashlib, io, json, os, sys, tarfile

def blob(root, data):
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(root, "blobs", "sha256", digest)
    with open(path, "wb") as f:
        f.write(data)
    return "sha256:" + digest

def main():
    root, layers, mb, tag = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    os.makedirs(os.path.join(root, "blobs", "sha256"), exist_ok=True)
    layer_descs, diff_ids = [], []
    for i in range(layers):
        tar_bytes = io.BytesIO()
        with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.PAX_FORMAT) as tar:
            data = os.urandom(mb * 1024 * 1024)
            info = tarfile.TarInfo(f"data/layer{i}.bin")
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
        raw = tar_bytes.getvalue()
        diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
        compressed = gzip.compress(raw, compresslevel=1, mtime=0)
        layer_descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                            "digest": blob(root, compressed), "size": len(compressed)})
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["sh"]},
                         "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                      "digest": blob(root, config), "size": len(config)},
                           "layers": layer_descs}).encode()
    index = {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
             "digest": blob(root, manifest), "size": len(manifest),
             "annotations": {"org.opencontainers.image.ref.name": tag}}]}
    with open(os.path.join(root, "index.json"), "w") as f:
        json.dump(index, f)
    with open(os.path.join(root, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    print(sum(d["size"] for d in layer_descs) + len(config) + len(manifest))

if __name__ == "__main__":
    main()
