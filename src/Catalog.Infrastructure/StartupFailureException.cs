namespace Catalog.Infrastructure;

/// <summary>
/// The start cannot go on for a cause the operator can fix (a wrong setting, a database out of reach): the message is
/// one sentence saying what is wrong and what to do, logged once, and the process ends with exit code 1.
/// </summary>
public sealed class StartupFailureException : Exception
{
    public StartupFailureException()
    {
    }

    public StartupFailureException(string message)
        : base(message)
    {
    }

    public StartupFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
