package org.gazette.exchange;

/** An upload that is not taken, and why; nothing of it is kept. */
class UploadRefusedException extends RuntimeException {

    private final Reason reason;

    UploadRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    Reason reason() {
        return this.reason;
    }

    /** Why an upload was refused. */
    enum Reason {

        /** The body is not a {@code multipart/form-data} form, or is cut short. */
        NOT_A_FORM,

        /** The form holds no file. */
        NO_FILE,

        /** The file is larger than {@code gazette.import.max-upload-bytes}. */
        TOO_LARGE

    }

}
