namespace Berth.Client;

/// <summary>A client of the Engine API, split per resource (ARCHITECTURE.md §2: the CLI always goes through the API).</summary>
public interface IBerthClient : IDisposable
{
    IContainersClient Containers { get; }

    IImagesClient Images { get; }

    ISystemClient System { get; }

    IExecClient Exec { get; }

    IBuildClient Build { get; }

    IVolumesClient Volumes { get; }

    INetworksClient Networks { get; }

    /// <summary>Where the client connects.</summary>
    DaemonEndpoint Endpoint { get; }
}
