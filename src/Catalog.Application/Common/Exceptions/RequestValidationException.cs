namespace Catalog.Application.Common.Exceptions;

/// <summary>The request as a whole cannot be handled (too large, empty, bad paging): a 400 with a code.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(string code, string message, IReadOnlyList<FieldError>? errors = null)
        : base(message)
    {
        Code = code;
        Errors = errors ?? [];
    }

    public RequestValidationException()
        : this(ErrorCodes.ValidationFailed, "The request is not valid.")
    {
    }

    public RequestValidationException(string message)
        : this(ErrorCodes.ValidationFailed, message)
    {
    }

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.ValidationFailed;
        Errors = [];
    }

    public string Code { get; }

    public IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>A resource that a single-resource request names does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string resource, long id)
        : base($"{resource} {id} was not found.")
    {
    }

    public NotFoundException()
    {
    }

    /// <summary>The one resource found for <paramref name="id"/>, or a NOT_FOUND.</summary>
    public static T The<T>(IReadOnlyList<T> found, string resource, long id) =>
        found is [var one] ? one : throw new NotFoundException(resource, id);

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
