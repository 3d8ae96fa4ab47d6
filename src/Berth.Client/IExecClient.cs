using Berth.Api;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary>Exec endpoints: <c>POST /containers/{id}/exec</c> and <c>/exec/{id}/…</c>.</summary>
public interface IExecClient
{
    /// <summary>Creates an exec in a running container; returns its ID.</summary>
    Task<string> CreateAsync(string container, ExecConfig config, CancellationToken cancellationToken);

    /// <summary><c>POST /exec/{id}/start</c> with Detach: returns once the process runs.</summary>
    Task StartDetachedAsync(string id, ExecStartConfig config, CancellationToken cancellationToken);

    /// <summary>Hijacked <c>POST /exec/{id}/start</c>: the process's streams (raw with a TTY, multiplexed otherwise).</summary>
    Task<HijackedStream> StartAttachedAsync(string id, ExecStartConfig config, CancellationToken cancellationToken);

    Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken);

    Task<ExecInspectResponse> InspectAsync(string id, CancellationToken cancellationToken);

    // The same calls answered on the calling thread, over one kept-alive socket: for `berth exec` without stdin or a
    // TTY, whose whole run is these few requests, so that it never starts the thread pool (see BlockingApiConnection).

    /// <inheritdoc cref="CreateAsync"/>
    string Create(string container, ExecConfig config);

    /// <inheritdoc cref="StartDetachedAsync"/>
    void StartDetached(string id, ExecStartConfig config);

    /// <inheritdoc cref="StartAttachedAsync"/>
    HijackedStream StartAttached(string id, ExecStartConfig config);

    /// <inheritdoc cref="InspectAsync"/>
    ExecInspectResponse Inspect(string id);
}
