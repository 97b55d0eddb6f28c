namespace Catalog.Application.Common.Exceptions;

/// <summary>The request as a whole cannot be handled (too large, empty, bad paging): a 400 with a code.</summary>
public sealed class RequestValidationException(
    string code, string message, IReadOnlyList<FieldError>? errors = null) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<FieldError> Errors { get; } = errors ?? [];
}

/// <summary>A resource that a single-resource request names does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public NotFoundException(string resource, long id)
        : this($"{resource} {id} was not found.")
    {
    }

    /// <summary>The one resource found for <paramref name="id"/>, or a NOT_FOUND.</summary>
    public static T The<T>(IReadOnlyList<T> found, string resource, long id) =>
        found is [var one] ? one : throw new NotFoundException(resource, id);
}

/// <summary>The request cannot apply to the resource in its present state (a finished job cancelled): a 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
