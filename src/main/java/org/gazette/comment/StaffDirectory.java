package org.gazette.comment;

/**
 * Tells whether a name belongs to the newsroom's staff, so a reader cannot pass as an
 * editor. Implemented where the editor accounts are known.
 */
public interface StaffDirectory {

    boolean isStaffName(String name);

}
